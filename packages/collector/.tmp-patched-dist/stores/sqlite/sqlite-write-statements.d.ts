import type { Database, Statement } from 'better-sqlite3';
export interface ContactKeysRow {
    id: string;
    userId: string | null;
    email: string | null;
}
type Text = string;
type Nullable = string | null;
export interface WriteStatements {
    hasMessage: Statement<[Text, Text, Text, Text], 1>;
    contactByUserId: Statement<[Text], ContactKeysRow>;
    contactByEmail: Statement<[Text], ContactKeysRow>;
    contactByAnonymousId: Statement<[Text], ContactKeysRow>;
    contactForMerge: Statement<[Text], ContactKeysRow & {
        createdAt: string;
    }>;
    insertContact: Statement<[Text, Text, Text]>;
    setUserId: Statement<[Text, Text, Text]>;
    setEmail: Statement<[Text, Text, Text]>;
    releaseClaims: Statement<[Text]>;
    absorbClaims: Statement<[Nullable, Nullable, Text, Text, Text]>;
    touchContact: Statement<[Text, Text]>;
    linkAnonymousId: Statement<[Text, Text, Text]>;
    insertEvent: Statement<[Record<string, Nullable>]>;
    bumpSummary: Statement<[Text, Text, Text, Text]>;
    setAttribute: Statement<[Text, Text, Text, Text]>;
    merge: Record<'events' | 'anonymousIds' | 'summaries' | 'dropSummaries' | 'attributes' | 'dropAttributes' | 'redirectEarlierMerges' | 'recordMerge' | 'dropContact', Statement<[MergeIds]>>;
}
/** Every statement the identity pipeline runs, prepared once per connection. */
export declare function prepareWriteStatements(db: Database): WriteStatements;
interface MergeIds {
    from: string;
    into: string;
    at: string;
}
export {};
//# sourceMappingURL=sqlite-write-statements.d.ts.map