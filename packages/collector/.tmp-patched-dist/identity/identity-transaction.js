export {};
//# sourceMappingURL=identity-transaction.js.map