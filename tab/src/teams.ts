import { app, authentication } from '@microsoft/teams-js';

export type ThemeName = 'default' | 'dark' | 'contrast';

/** Inside Teams the tab is in a frame; opened straight in a browser it is not, and teams-js would wait for ever. */
export function inTeams(): boolean {
  return window.parent !== window;
}

let initialised: Promise<boolean> | undefined;

/** Starts teams-js once; false outside Teams or when Teams does not answer within two seconds. */
export function startTeams(): Promise<boolean> {
  initialised ??= inTeams()
    ? Promise.race([
        app.initialize().then(
          () => true,
          () => false,
        ),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2000)),
      ])
    : Promise.resolve(false);
  return initialised;
}

/** The Teams SSO token for this app (its `access_as_user` scope), or undefined outside Teams. */
export async function teamsToken(): Promise<string | undefined> {
  if (!(await startTeams())) return undefined;
  try {
    return await authentication.getAuthToken();
  } catch {
    return undefined;
  }
}

/** Teams' theme now, and every change of it while the tab is open. Outside Teams: `?theme=` or the browser's preference. */
export async function followTheme(onTheme: (theme: ThemeName) => void): Promise<void> {
  const asked = new URLSearchParams(window.location.search).get('theme');
  if (asked === 'default' || asked === 'dark' || asked === 'contrast') return onTheme(asked);
  if (!(await startTeams())) {
    if (window.matchMedia?.('(prefers-color-scheme: dark)').matches) onTheme('dark');
    return;
  }
  const context = await app.getContext();
  onTheme(themeName(context.app.theme));
  app.registerOnThemeChangeHandler((theme) => onTheme(themeName(theme)));
}

function themeName(theme: string | undefined): ThemeName {
  return theme === 'dark' ? 'dark' : theme === 'contrast' ? 'contrast' : 'default';
}

/**
 * The view a deep link opens: in Teams, the sub-page id of the link (`context={"subEntityId":"claims"}`); in a browser,
 * the address's hash (`/workspace/#claims`). Undefined when nothing was asked for.
 */
export async function openingView(): Promise<string | undefined> {
  const hash = window.location.hash.replace(/^#/, '');
  if (!(await startTeams())) return hash || undefined;
  try {
    const context = await app.getContext();
    return context.page.subPageId || hash || undefined;
  } catch {
    return hash || undefined;
  }
}
