/**
 * Board model benchmark: builds a board of 2 000 journey cards + 1 000 stickies through
 * BoardDoc commands, then measures snapshot (cold and after one edit), file save and load.
 * `--short` builds a tenth of it.
 */
import { performance } from 'node:perf_hooks';
import { BoardDoc, parseBoardFile, serializeBoardFile } from '../../shared/board';

const short = process.argv.includes('--short');
const scale = short ? 0.1 : 1;
const JOURNEYS = 10;
const cardsTotal = Math.round(2000 * scale);
const stickies = Math.round(1000 * scale);

function time<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const value = fn();
  return [value, performance.now() - start];
}

const [board, buildMs] = time(() => {
  const b = BoardDoc.create({ title: 'Bench' });
  b.batch('build', () => {
    for (let j = 0; j < JOURNEYS; j++) {
      const id = b.addJourney({
        kind: 'cjm',
        preset: 'full',
        x: 0,
        y: j * 2000,
        stageTitles: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'],
      });
      const snap = b.snapshot().journeys[id]!;
      for (let c = 0; c < cardsTotal / JOURNEYS; c++) {
        b.addCard(id, {
          stageId: snap.stages[c % snap.stages.length]!.id,
          laneId: snap.lanes[c % snap.lanes.length]!.id,
          text: `Card ${c}`,
        });
      }
    }
    for (let s = 0; s < stickies; s++)
      b.addElement({
        type: 'sticky',
        x: (s % 40) * 220,
        y: -5000 - Math.floor(s / 40) * 220,
        text: `Sticky ${s}`,
      });
  });
  return b;
});
const fresh = BoardDoc.fromYDoc(board.ydoc);
const [, coldSnapshotMs] = time(() => fresh.snapshot());
const anyJourney = Object.values(fresh.snapshot().journeys)[0]!;
const anyCard = Object.values(anyJourney.cells)[0]![0]!;
fresh.setCardText(anyJourney.id, anyCard.id, 'edited');
const [, warmSnapshotMs] = time(() => fresh.snapshot());
const [bytes, saveMs] = time(() => serializeBoardFile(board));
const [loaded, loadMs] = time(() => parseBoardFile(bytes));
if (!loaded.ok) throw new Error(loaded.error.message);

console.log(
  `board model, ${cardsTotal} cards in ${JOURNEYS} journeys + ${stickies} stickies${short ? ' (short)' : ''}`,
);
console.table({
  'build through commands (ms)': buildMs.toFixed(1),
  'cold snapshot (ms)': coldSnapshotMs.toFixed(1),
  'snapshot after one card edit (ms)': warmSnapshotMs.toFixed(1),
  'save .cxboard (ms)': saveMs.toFixed(1),
  'file size (KiB)': (bytes.byteLength / 1024).toFixed(0),
  'load .cxboard incl. migrate + repair (ms)': loadMs.toFixed(1),
});
