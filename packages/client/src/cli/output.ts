import Table from 'cli-table3';

export const printJson = (value: unknown): void => {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
};

export function printTable(head: string[], rows: (string | number | null | undefined)[][]) {
  // No rule between rows: long lists stay readable.
  const table = new Table({
    head,
    style: { head: [], border: [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  table.push(...rows.map((row) => row.map((cell) => (cell === null || cell === undefined ? '' : String(cell)))));
  process.stdout.write(`${table.toString()}\n`);
}

export const note = (text: string) => process.stderr.write(`${text}\n`);

export const day = (iso: string) => iso.slice(0, 10);
