export { writeKeyAuth, SECRET_KEY_SOURCE } from './write-key-auth.js';
export type { WriteKeyAuthOptions } from './write-key-auth.js';
export { secretKeyAuth } from './secret-key-auth.js';
export { brevoKeyAuth, BREVO_SOURCE } from './brevo-key-auth.js';
//# sourceMappingURL=index.d.ts.map