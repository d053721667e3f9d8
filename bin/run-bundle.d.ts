// Types of bin/run-bundle.js (for the tests).
export declare function codeCacheDir(env?: Record<string, string | undefined>, platform?: string, home?: string): string | undefined;
export declare function commandOf(argv: readonly string[]): string;
export declare function runBundle(file: string, argv?: readonly string[], env?: Record<string, string | undefined>): void;
