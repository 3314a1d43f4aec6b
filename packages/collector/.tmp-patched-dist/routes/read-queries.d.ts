import { z } from 'zod';
/** Query string of `GET /v1/events` and `GET /v1/contacts/:id/events` (CONTRACT §5). */
export declare const eventQuerySchema: z.ZodObject<{
    contactId: z.ZodOptional<z.ZodString>;
    name: z.ZodOptional<z.ZodString>;
    type: z.ZodOptional<z.ZodEnum<{
        track: "track";
        page: "page";
        identify: "identify";
        alias: "alias";
        group: "group";
        screen: "screen";
    }>>;
    since: z.ZodOptional<z.ZodPipe<z.ZodString, z.ZodTransform<string, string>>>;
    until: z.ZodOptional<z.ZodPipe<z.ZodString, z.ZodTransform<string, string>>>;
    limit: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
    cursor: z.ZodOptional<z.ZodString>;
}, z.core.$strip>;
/** `GET /v1/contacts?email=|userId=|anonymousId=`: exactly one lookup key. */
export declare const contactLookupSchema: z.ZodPipe<z.ZodObject<{
    email: z.ZodOptional<z.ZodString>;
    userId: z.ZodOptional<z.ZodString>;
    anonymousId: z.ZodOptional<z.ZodString>;
}, z.core.$strip>, z.ZodTransform<{
    email: string;
} | {
    userId: string;
} | {
    anonymousId: string;
}, {
    email?: string | undefined;
    userId?: string | undefined;
    anonymousId?: string | undefined;
}>>;
//# sourceMappingURL=read-queries.d.ts.map