"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=system.js.map