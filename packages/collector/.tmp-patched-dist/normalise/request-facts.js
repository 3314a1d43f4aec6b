export {};
//# sourceMappingURL=request-facts.js.map