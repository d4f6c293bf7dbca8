/**
 * A small structural reader for Bicep text, enough to check which resources and settings a template declares.
 * No Bicep CLI installs from npm (the `bicep` package there is unrelated; `bicep-node` downloads the binary from
 * GitHub at run time) or from Debian, so the template is checked by reading it, not by compiling it.
 */
export interface BicepResource {
  readonly symbol: string;
  readonly type: string;
  readonly apiVersion: string;
  /** The body between the resource's outer braces, comments removed. */
  readonly body: string;
}

/** Removes `//` and block comments, keeping string contents (Bicep strings are single-quoted). */
export function stripComments(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === "'") inString = false;
    } else if (c === "'") {
      inString = true;
      out += c;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      i = text.indexOf('*/', i + 2) + 1;
      if (i === 0) throw new Error('unterminated block comment');
    } else out += c;
  }
  if (inString) throw new Error('unterminated string');
  return out;
}

/** The text from an opening brace to its matching closing brace, skipping braces inside strings. */
export function blockAt(text: string, open: number): string {
  let depth = 0;
  let inString = false;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === "'") inString = false;
    } else if (c === "'") inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return text.slice(open + 1, i);
    }
  }
  throw new Error(`unbalanced braces from offset ${open}`);
}

export function parseResources(text: string): BicepResource[] {
  const clean = stripComments(text);
  const resources: BicepResource[] = [];
  for (const m of clean.matchAll(/^resource\s+(\w+)\s+'([\w.]+(?:\/[\w.]+)*)@([\w-]+)'\s+(?:existing\s+)?=\s*(?:if\s*\([^)]*\)\s*)?\{/gm)) {
    const open = (m.index ?? 0) + m[0].length - 1;
    resources.push({ symbol: m[1]!, type: m[2]!, apiVersion: m[3]!, body: blockAt(clean, open) });
  }
  return resources;
}

export function parseParams(text: string): Map<string, { type: string; hasDefault: boolean; secure: boolean }> {
  const clean = stripComments(text);
  const params = new Map<string, { type: string; hasDefault: boolean; secure: boolean }>();
  for (const m of clean.matchAll(/((?:^@[^\n]*\n)*)^param\s+(\w+)\s+(\w+)(\s*=)?/gm)) {
    params.set(m[2]!, { type: m[3]!, hasDefault: Boolean(m[4]), secure: /@secure\(\)/.test(m[1] ?? '') });
  }
  return params;
}

export function parseOutputs(text: string): Map<string, string> {
  const outputs = new Map<string, string>();
  for (const m of stripComments(text).matchAll(/^output\s+(\w+)\s+\w+\s*=\s*(.+)$/gm)) outputs.set(m[1]!, m[2]!.trim());
  return outputs;
}

/** `{ name: 'X', value: expr }` entries of an appSettings array, as name → value expression. */
export function parseAppSettings(body: string): Map<string, string> {
  const at = body.indexOf('appSettings:');
  if (at < 0) return new Map();
  const list = blockAt(body, body.indexOf('[', at));
  const settings = new Map<string, string>();
  for (const m of list.matchAll(/\{\s*name:\s*'([^']+)'\s*,?\s*value:\s*([^}\n]+?)\s*\}/g)) settings.set(m[1]!, m[2]!);
  return settings;
}

/** The value expression of `key:` at the top level of a block (first occurrence at any depth otherwise). */
export function propertyOf(body: string, key: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${key}:\\s*([^\\n]+)`).exec(body);
  return m?.[1]?.trim();
}
