import { ref } from 'vue';
import type { Officer } from './access';
import { api, toApiError, type ApiError } from './api/client';

/**
 * The signed-in officer, as the service's cookie session reports it. The session token lives
 * only in an HttpOnly cookie: nothing here (nor localStorage) ever holds it.
 */
export const currentOfficer = ref<Officer | undefined>(undefined);

let loaded: Promise<void> | undefined;

/** Asks the service once per page load whether the cookie still holds a session (so a reload keeps it). */
export function loadSession(): Promise<void> {
  loaded ??= api.GET('/api/v1/auth/session').then(({ data }) => {
    currentOfficer.value = data?.officer;
  });
  return loaded;
}

export async function signIn(username: string, password: string): Promise<ApiError | undefined> {
  const { data, error, response } = await api.POST('/api/v1/auth/session', { body: { username, password } });
  if (!data) return toApiError(error, response.status);
  currentOfficer.value = data.officer;
  loaded = Promise.resolve();
  return undefined;
}

export async function signOut(): Promise<void> {
  await api.DELETE('/api/v1/auth/session');
  currentOfficer.value = undefined;
}

/** The API answered 401: the session ended (idle or too old); the guard sends the officer to sign in. */
export function forgetSession(): void {
  currentOfficer.value = undefined;
}
