"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=ack.js.map