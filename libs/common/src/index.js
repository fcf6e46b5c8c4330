"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __exportStar = (this && this.__exportStar) || function(m, exports) {
    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
};
Object.defineProperty(exports, "__esModule", { value: true });
__exportStar(require("./errors"), exports);
__exportStar(require("./ack"), exports);
__exportStar(require("./schemas/identity"), exports);
__exportStar(require("./schemas/health"), exports);
__exportStar(require("./schemas/meetings"), exports);
__exportStar(require("./schemas/agenda"), exports);
__exportStar(require("./schemas/attendance"), exports);
__exportStar(require("./schemas/speakers"), exports);
__exportStar(require("./schemas/meeting-events"), exports);
__exportStar(require("./schemas/notifications"), exports);
__exportStar(require("./schemas/text"), exports);
__exportStar(require("./rules"), exports);
__exportStar(require("./events"), exports);
__exportStar(require("./schemas/socket-session"), exports);
__exportStar(require("./schemas/displays"), exports);
//# sourceMappingURL=index.js.map