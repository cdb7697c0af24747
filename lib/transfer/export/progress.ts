/** What an exporter reports as it goes: the section it is in and how far through it. */
export type ExportProgress = (section: string, done: number, total: number) => void;

export const noProgress: ExportProgress = () => {};
