export function traineeRow(i: number): string[];
