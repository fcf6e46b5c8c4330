"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const canonical_json_1 = require("./canonical-json");
describe('canonicalJson', () => {
    it('sorts keys at every depth and drops undefined members', () => {
        expect((0, canonical_json_1.canonicalJson)({ b: 1, a: { d: [3, { z: 1, y: null }], c: undefined } })).toBe('{"a":{"d":[3,{"y":null,"z":1}]},"b":1}');
    });
    it('gives the same text whatever the key order', () => {
        expect((0, canonical_json_1.canonicalJson)({ x: 'Hội nghị', y: [1, 2] })).toBe((0, canonical_json_1.canonicalJson)({ y: [1, 2], x: 'Hội nghị' }));
    });
    it('refuses values JSON cannot carry', () => {
        expect(() => (0, canonical_json_1.canonicalJson)({ n: Number.NaN })).toThrow(TypeError);
        expect(() => (0, canonical_json_1.canonicalJson)({ n: BigInt(1) })).toThrow(TypeError);
    });
});
//# sourceMappingURL=canonical-json.spec.js.map