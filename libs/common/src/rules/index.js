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
__exportStar(require("./meeting-lifecycle"), exports);
__exportStar(require("./meeting-permissions"), exports);
__exportStar(require("./meeting-calendar"), exports);
__exportStar(require("./event-stream"), exports);
__exportStar(require("./canonical-json"), exports);
__exportStar(require("./agenda-progress"), exports);
__exportStar(require("./quorum"), exports);
__exportStar(require("./attendance-permissions"), exports);
__exportStar(require("./speakers"), exports);
__exportStar(require("./vietnamese-days"), exports);
__exportStar(require("./room-snapshot"), exports);
//# sourceMappingURL=index.js.map