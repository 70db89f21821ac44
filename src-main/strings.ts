import type { ExportFormat } from '../shared/export/formats';
import type { BoardSessionInfo, Language } from '../shared/ipc/contract';

/**
 * The few strings the main process shows itself (native menus, dialogs, the window
 * title). The renderer's texts live in its i18next resources; main has no i18next, so a
 * small typed table keeps ru and en complete by construction.
 */
export interface MainStrings {
  productName: string;
  untitled: string;
  live: string;
  menu: {
    app: { about: string; services: string; hide: string; hideOthers: string; showAll: string; quit: string };
    file: string;
    newBoard: string;
    open: string;
    openRecent: string;
    noRecent: string;
    clearRecent: string;
    save: string;
    saveAs: string;
    hostWorkshop: string;
    joinWorkshop: string;
    closeBoard: string;
    closeWindow: string;
    quit: string;
    edit: string;
    undo: string;
    redo: string;
    cut: string;
    copy: string;
    paste: string;
    duplicate: string;
    delete: string;
    selectAll: string;
    view: string;
    zoomIn: string;
    zoomOut: string;
    fitView: string;
    fullScreen: string;
    devTools: string;
    language: string;
    window: string;
    help: string;
    about: string;
  };
  dialogs: {
    openTitle: string;
    saveTitle: string;
    saveCopyTitle: string;
    boardFiles: string;
    unsavedQuestion: (name: string) => string;
    unsavedDetail: string;
    save: string;
    dontSave: string;
    cancel: string;
    /** "Open a link to …?" for a web host or a mail address not approved yet in this run. */
    openLinkQuestion: (target: string) => string;
    openLinkDetail: (url: string) => string;
    openLink: string;
    exportTitle: string;
    /** Name of the save dialog's filter for each export format. */
    exportFilters: Record<ExportFormat, string>;
  };
}

const en: MainStrings = {
  productName: 'CX Board',
  untitled: 'Untitled',
  live: 'live workshop',
  menu: {
    app: {
      about: 'About CX Board',
      services: 'Services',
      hide: 'Hide CX Board',
      hideOthers: 'Hide Others',
      showAll: 'Show All',
      quit: 'Quit CX Board',
    },
    file: '&File',
    newBoard: 'New Board',
    open: 'Open…',
    openRecent: 'Open Recent',
    noRecent: 'No recent boards',
    clearRecent: 'Clear Recent',
    save: 'Save',
    saveAs: 'Save As…',
    hostWorkshop: 'Host a Workshop…',
    joinWorkshop: 'Join a Workshop…',
    closeBoard: 'Close Board',
    closeWindow: 'Close Window',
    quit: 'Quit',
    edit: '&Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    duplicate: 'Duplicate',
    delete: 'Delete',
    selectAll: 'Select All',
    view: '&View',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    fitView: 'Fit Board to Window',
    fullScreen: 'Toggle Full Screen',
    devTools: 'Developer Tools',
    language: 'Language',
    window: '&Window',
    help: '&Help',
    about: 'About CX Board',
  },
  dialogs: {
    openTitle: 'Open a board',
    saveTitle: 'Save the board',
    saveCopyTitle: 'Save a copy of the board',
    boardFiles: 'CX Board files',
    unsavedQuestion: (name) => `Do you want to save the changes to “${name}”?`,
    unsavedDetail: 'Your changes will be lost if you don’t save them.',
    save: 'Save',
    dontSave: 'Don’t Save',
    cancel: 'Cancel',
    openLinkQuestion: (target) => `Open a link to “${target}” outside CX Board?`,
    openLinkDetail: (url) => `The board asks to open ${url}. Open it only if you trust where it leads.`,
    openLink: 'Open Link',
    exportTitle: 'Export',
    exportFilters: {
      xlsx: 'Excel workbook',
      csv: 'CSV (comma-separated values)',
      md: 'Markdown',
      png: 'PNG image',
      svg: 'SVG image',
      pdf: 'PDF document',
      pptx: 'PowerPoint presentation',
    },
  },
};

const ru: MainStrings = {
  productName: 'CX Board',
  untitled: 'Без названия',
  live: 'воркшоп в сети',
  menu: {
    app: {
      about: 'О программе CX Board',
      services: 'Службы',
      hide: 'Скрыть CX Board',
      hideOthers: 'Скрыть остальные',
      showAll: 'Показать все',
      quit: 'Завершить CX Board',
    },
    file: '&Файл',
    newBoard: 'Новая доска',
    open: 'Открыть…',
    openRecent: 'Недавние',
    noRecent: 'Недавних досок нет',
    clearRecent: 'Очистить список',
    save: 'Сохранить',
    saveAs: 'Сохранить как…',
    hostWorkshop: 'Провести воркшоп…',
    joinWorkshop: 'Присоединиться к воркшопу…',
    closeBoard: 'Закрыть доску',
    closeWindow: 'Закрыть окно',
    quit: 'Выход',
    edit: '&Правка',
    undo: 'Отменить',
    redo: 'Повторить',
    cut: 'Вырезать',
    copy: 'Копировать',
    paste: 'Вставить',
    duplicate: 'Дублировать',
    delete: 'Удалить',
    selectAll: 'Выделить всё',
    view: '&Вид',
    zoomIn: 'Увеличить',
    zoomOut: 'Уменьшить',
    fitView: 'Вписать доску в окно',
    fullScreen: 'Полноэкранный режим',
    devTools: 'Инструменты разработчика',
    language: 'Язык',
    window: '&Окно',
    help: '&Справка',
    about: 'О программе CX Board',
  },
  dialogs: {
    openTitle: 'Открыть доску',
    saveTitle: 'Сохранить доску',
    saveCopyTitle: 'Сохранить копию доски',
    boardFiles: 'Файлы CX Board',
    unsavedQuestion: (name) => `Сохранить изменения в «${name}»?`,
    unsavedDetail: 'Если не сохранить, изменения будут потеряны.',
    save: 'Сохранить',
    dontSave: 'Не сохранять',
    cancel: 'Отмена',
    openLinkQuestion: (target) => `Открыть ссылку на «${target}» вне CX Board?`,
    openLinkDetail: (url) => `Доска просит открыть ${url}. Открывайте, только если доверяете этому адресу.`,
    openLink: 'Открыть ссылку',
    exportTitle: 'Экспорт',
    exportFilters: {
      xlsx: 'Книга Excel',
      csv: 'CSV (значения, разделённые запятыми)',
      md: 'Markdown',
      png: 'Изображение PNG',
      svg: 'Изображение SVG',
      pdf: 'Документ PDF',
      pptx: 'Презентация PowerPoint',
    },
  },
};

const TABLES: Record<Language, MainStrings> = { en, ru };

export function stringsFor(language: Language): MainStrings {
  return TABLES[language];
}

/** The UI language for an OS locale (`ru-RU` → ru), English otherwise. */
export function languageFromLocale(locale: string): Language {
  return locale.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

/**
 * The window title: board name, an unsaved mark, and the product, e.g.
 * `Onboarding.cxboard ● — CX Board`. The start screen shows the product name alone.
 */
export function windowTitle(session: BoardSessionInfo, strings: MainStrings): string {
  if (session.kind === 'none') return strings.productName;
  const live = session.kind === 'live' ? ` (${strings.live})` : '';
  const unsaved = session.dirty ? ' ●' : '';
  return `${session.name}${live}${unsaved} — ${strings.productName}`;
}
