/**
 * One typed promise wrapper over google.script.run. The types come from the
 * server module, so a page cannot call a function that does not exist or pass
 * the wrong arguments. Only JSON crosses: dates travel as ISO strings.
 */
import type { ServerApi } from '../../api-types';
export type ServerFunction = keyof ServerApi;

export function callServer<K extends ServerFunction>(
  name: K,
  ...args: Parameters<ServerApi[K]>
): Promise<ReturnType<ServerApi[K]>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as ReturnType<ServerApi[K]>))
      .withFailureHandler((error) => reject(error instanceof Error ? error : new Error(String(error))));
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}
