// Command-line parsing: global options anywhere (--data DIR, --lang zh|en, --user NAME), a
// command, its positionals and its flags. `--opt value` and `--opt=value` both work.
import { UsageError, type Lang } from './io';

export interface ParsedArgs {
  data?: string;
  lang: Lang;
  user?: string;
  help: boolean;
  command?: string;
  positionals: string[];
  flags: Map<string, string | true>;
}

/** Options that take a value; all others are switches. */
const valued = new Set(['data', 'lang', 'user', 'as-of', 'from', 'to', 'seed', 'cadres', 'months', 'end-month', 'docx', 'admin', 'role', 'display-name', 'office', 'office-name', 'valid-to', 'since', 'until', 'month', 'based-on', 'version', 'note', 'reason', 'on']);
const switches = new Set(['help', 'json', 'valid-only', 'confirm-recovery-key-saved', 'preview', 'plain']);

export function parseArgs(argv: string[], defaultLang: Lang = 'zh'): ParsedArgs {
  const out: ParsedArgs = { lang: defaultLang, help: false, positionals: [], flags: new Map() };
  // The language first, so that usage errors are already in it.
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (v === 'zh' || v === 'en') out.lang = v;
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h') {
      out.help = true;
      continue;
    }
    if (a === '--') {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      let value: string | true;
      if (valued.has(name)) {
        if (eq > 0) value = a.slice(eq + 1);
        else {
          const next = argv[i + 1];
          if (next === undefined || next.startsWith('--')) {
            throw new UsageError({ zh: `选项 --${name} 需要一个值`, en: `option --${name} needs a value` });
          }
          value = next;
          i++;
        }
      } else if (switches.has(name)) {
        if (eq > 0) throw new UsageError({ zh: `选项 --${name} 不带值`, en: `option --${name} takes no value` });
        value = true;
      } else {
        throw new UsageError({ zh: `未知选项 --${name}`, en: `unknown option --${name}` });
      }
      if (name === 'data') out.data = value as string;
      else if (name === 'lang') {
        if (value !== 'zh' && value !== 'en') throw new UsageError({ zh: '--lang 只能是 zh 或 en', en: '--lang must be zh or en' });
      } else if (name === 'user') out.user = value as string;
      else if (name === 'help') out.help = true;
      else out.flags.set(name, value);
      continue;
    }
    if (out.command === undefined) out.command = a;
    else out.positionals.push(a);
  }
  return out;
}
