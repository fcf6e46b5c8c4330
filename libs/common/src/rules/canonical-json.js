"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.canonicalJson = canonicalJson;
/**
 * A canonical JSON text of a value: object keys sorted, no whitespace, `undefined` members left out.
 * The same value always gives the same text, whatever the key order it was built or stored with
 * (PostgreSQL jsonb reorders keys) — so a hash over it can be recomputed from the stored row.
 */
function canonicalJson(value) {
    if (value === null || typeof value !== 'object') {
        if (typeof value === 'number' && !Number.isFinite(value))
            throw new TypeError('non-finite number');
        if (typeof value === 'bigint' || typeof value === 'function' || typeof value === 'symbol') {
            throw new TypeError(`cannot serialise a ${typeof value}`);
        }
        return JSON.stringify(value);
    }
    if (Array.isArray(value)) {
        return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
    }
    if (value instanceof Date)
        return JSON.stringify(value.toISOString());
    const entries = Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
//# sourceMappingURL=canonical-json.js.map