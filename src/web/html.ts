import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WEB_TEMPLATES_DIR } from './web-paths';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Markup already escaped or built from constants; the only way around escaping. */
export class SafeHtml {
  constructor(readonly html: string) {}
}

/**
 * Fills `{{name}}` slots. Strings are escaped; only SafeHtml goes in as is. A slot without a
 * value is a bug in the caller and throws, so no template ships with a visible `{{…}}`.
 */
export function fillTemplate(template: string, values: Record<string, string | SafeHtml>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`Template slot {{${name}}} has no value`);
    return value instanceof SafeHtml ? value.html : escapeHtml(value);
  });
}

/** Reads a template of templates/web once. */
export function loadTemplate(name: string): string {
  return readFileSync(join(WEB_TEMPLATES_DIR, name), 'utf8');
}
