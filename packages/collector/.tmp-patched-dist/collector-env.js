export {};
//# sourceMappingURL=collector-env.js.map