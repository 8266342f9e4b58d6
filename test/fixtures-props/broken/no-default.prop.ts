// A properties file with no default export (test/framework/bad-input.test.ts).
export const nothing = 1;
