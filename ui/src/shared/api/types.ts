import type { components } from './schema';

/**
 * A schema of the API document as the UI reads it: every declared field present. The document does not
 * mark required fields yet (the OpenAPI-contract work adds them); a field the server omits when empty is
 * still read with a fallback (`?? ''`). A renamed or removed field breaks the build.
 */
export type Schema<N extends keyof components['schemas']> = Solid<components['schemas'][N]>;

type Solid<T> = T extends (infer U)[] ? Solid<U>[] : T extends Record<string, unknown> ? { [K in keyof T]-?: Solid<NonNullable<T[K]>> } : T;
