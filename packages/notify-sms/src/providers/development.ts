import { appendFile } from 'node:fs/promises';
import { maskPhone } from '../phone/mask-phone.js';
import type { OutgoingSms, SendResult, SmsProvider } from './provider.js';

/** Options of {@link createDevelopmentProvider}. */
export interface DevelopmentProviderOptions {
  /**
   * Where messages go: `'console'` (default; one line each, number masked) or `{ file }`, a file
   * that gets one JSON object per line (`{ at, id, to, encoding, segments, text }`, number masked).
   */
  readonly output?: 'console' | { readonly file: string };
  /** Replaces `console.log` for the console output (tests, custom loggers). */
  readonly write?: (line: string) => void;
  /** Name in the notice log (default `'development'`). */
  readonly name?: string;
  /** Clock for the `at` field (default the system clock). */
  readonly now?: () => Date;
}

/**
 * A provider for development and demos: sends nothing, writes each message to the console or to a
 * JSON-lines file, with the number masked (`09******78`). The message id it returns is
 * `dev:<outbox id>`, so a retry gets the same id.
 *
 * @example
 * ```ts
 * import { createDevelopmentProvider } from '@motcua/notify-sms';
 * const provider = createDevelopmentProvider({ output: { file: 'sms.jsonl' } });
 * ```
 */
export function createDevelopmentProvider(options: DevelopmentProviderOptions = {}): SmsProvider {
  const output = options.output ?? 'console';
  const write = options.write ?? ((line: string) => console.log(line));
  const now = options.now ?? (() => new Date());
  return {
    name: options.name ?? 'development',
    async send(message: OutgoingSms): Promise<SendResult> {
      const to = maskPhone(message.to);
      if (output === 'console') {
        const parts = `${message.segments} part${message.segments === 1 ? '' : 's'}`;
        write(`[sms] ${to} (${message.encoding}, ${parts}) ${message.id}: ${message.text}`);
      } else {
        const line = JSON.stringify({
          at: now().toISOString(),
          id: message.id,
          to,
          encoding: message.encoding,
          segments: message.segments,
          text: message.text,
        });
        await appendFile(output.file, `${line}\n`, 'utf8');
      }
      return { providerMessageId: `dev:${message.id}` };
    },
  };
}
