import { ElMessage } from 'element-plus';
import { roundFailure, type RoundNames } from './round-errors';

/** What an openapi-fetch call answers. */
export interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * Runs one step of a round: a success message, or the refusal in the officer's words, naming the
 * applicants and members it concerns as the panel shows them (`names`). Returns
 * the answer's data, or undefined when refused (the panel keeps what the officer typed).
 */
export async function step<T>(call: Promise<Answer<T>>, success: string, names?: RoundNames): Promise<T | undefined> {
  const { data, error, response } = await call;
  if (response.ok) {
    ElMessage.success(success);
    return data ?? ({} as T);
  }
  ElMessage.error({ message: roundFailure(error, response.status, names), duration: 8000 });
  return undefined;
}

/** Today in Beijing (YYYY-MM-DD): the service counts China's days. */
export function beijingToday(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The request options of a CSV upload: the file's bytes as they are (the service checks the UTF-8). */
export function csvBody(file: File) {
  return {
    body: file as never,
    bodySerializer: (body: unknown) => body as File,
    headers: { 'content-type': 'text/csv; charset=utf-8' },
  };
}
