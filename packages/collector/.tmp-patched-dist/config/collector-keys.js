import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { ConfigError } from './config-error.js';
/**
 * The data dir: the SQLite file's folder, or `./data` for the other stores.
 *
 * @example
 * dataDirOf('sqlite:/var/lib/sillage/events.db') // '/var/lib/sillage'
 */
export function dataDirOf(storeUrl) {
    if (!storeUrl.startsWith('sqlite:'))
        return resolve('data');
    const path = storeUrl.slice('sqlite:'.length).split('?')[0];
    return dirname(resolve(path));
}
/**
 * The keys to start with: those given on the command line, else the ones kept in
 * `<data dir>/sillage-keys.json`, else freshly generated ones written there (mode 600)
 * so that a restart keeps the keys already pasted into pages and scripts.
 *
 * @example
 * const keys = await resolveCollectorKeys('./data', { writeKeys: null, secretKey: null })
 */
export async function resolveCollectorKeys(dataDir, given) {
    const keyFile = join(dataDir, 'sillage-keys.json');
    const kept = await readKeyFile(keyFile);
    const writeKey = given.writeKeys ? undefined : (kept.writeKey ?? `wk_${randomBytes(12).toString('base64url')}`);
    const secretKey = given.secretKey ?? kept.secretKey ?? `sk_${randomBytes(24).toString('base64url')}`;
    const next = { ...kept, ...(writeKey ? { writeKey } : {}), ...(given.secretKey ? {} : { secretKey }) };
    if (next.writeKey !== kept.writeKey || next.secretKey !== kept.secretKey) {
        try {
            await mkdir(dataDir, { recursive: true });
            await writeFile(keyFile, JSON.stringify(next, null, 2) + '\n', { mode: 0o600 });
        }
        catch (error) {
            throw new ConfigError(`cannot keep the generated keys in ${keyFile}: ${error.message}`);
        }
    }
    return {
        writeKeys: given.writeKeys ?? [writeKey],
        secretKey,
        fromKeyFile: { writeKey: !given.writeKeys, secretKey: !given.secretKey },
        keyFile,
    };
}
async function readKeyFile(path) {
    let text;
    try {
        text = await readFile(path, 'utf8');
    }
    catch {
        return {};
    }
    try {
        const parsed = JSON.parse(text);
        return {
            ...(typeof parsed.writeKey === 'string' ? { writeKey: parsed.writeKey } : {}),
            ...(typeof parsed.secretKey === 'string' ? { secretKey: parsed.secretKey } : {}),
        };
    }
    catch {
        throw new ConfigError(`${path} is not valid JSON; fix it or delete it to generate new keys`);
    }
}
//# sourceMappingURL=collector-keys.js.map