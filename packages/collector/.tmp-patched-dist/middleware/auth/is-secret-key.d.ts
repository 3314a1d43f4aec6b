/**
 * Constant-time comparison with the secret key: hashing both sides first makes the
 * lengths equal, so neither the content nor the length leaks through timing.
 */
export declare function isSecretKey(candidate: string | undefined, secretKey: string): boolean;
//# sourceMappingURL=is-secret-key.d.ts.map