// Reliability plan item 30: no HTML sink anywhere in src/ (innerHTML, outerHTML, setHTML,
// insertAdjacentHTML, dangerouslySetInnerHTML), and the project's ESLint config rejects each of
// them, so a new one cannot slip in.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const SINKS = ['innerHTML', 'outerHTML', 'setHTML', 'insertAdjacentHTML', 'dangerouslySetInnerHTML'];

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('HTML sinks', () => {
  it('src/ contains none', () => {
    const found = sourceFiles('src').flatMap((path) => SINKS.filter((sink) => readFileSync(path, 'utf8').includes(sink)).map((sink) => `${path}: ${sink}`));
    expect(found).toEqual([]);
  });

  it('ESLint rejects each of them in a source file', { timeout: 60_000 }, async () => {
    const code = [
      'export function f(element: HTMLElement, popup: { setHTML(html: string): void }, text: string) {',
      '  element.innerHTML = text;',
      '  element.outerHTML = text;',
      '  popup.setHTML(text);',
      "  element.insertAdjacentHTML('beforeend', text);",
      '  return <div dangerouslySetInnerHTML={{ __html: text }} />;',
      '}',
    ].join('\n');
    const [result] = await new ESLint().lintText(code, { filePath: 'src/ui/HtmlSinkProbe.tsx' });
    const messages = result!.messages.filter((message) => message.message.includes('render text as text'));
    expect(messages.map((message) => message.line)).toEqual([2, 3, 4, 5, 6]);
  });
});
