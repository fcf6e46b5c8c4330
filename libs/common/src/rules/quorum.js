"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isPresentStatus = isPresentStatus;
exports.requiredForQuorum = requiredForQuorum;
exports.computeQuorum = computeQuorum;
const meeting_permissions_1 = require("./meeting-permissions");
const PRESENT = ['present_room', 'present_online'];
function isPresentStatus(status) {
    return status !== undefined && PRESENT.includes(status);
}
/** The smallest whole number of members that satisfies the threshold for `expected` members. */
function requiredForQuorum(expected, settings) {
    if (expected <= 0)
        return 1;
    const { quorumNumerator: n, quorumDenominator: d } = settings;
    // Integer arithmetic: expected × n / d compared exactly, no floating point.
    const product = expected * n;
    return settings.quorumAtLeast ? Math.ceil(product / d) : Math.floor(product / d) + 1;
}
function computeQuorum(members, records, settings) {
    const byUser = new Map(records.map((r) => [r.userId, r]));
    const voting = members.filter((m) => (0, meeting_permissions_1.isVotingRole)(m.role));
    const votingIds = new Set(voting.map((m) => m.userId));
    const statusOf = (userId) => byUser.get(userId)?.status;
    const presentRoom = voting.filter((m) => statusOf(m.userId) === 'present_room').length;
    const presentOnline = voting.filter((m) => statusOf(m.userId) === 'present_online').length;
    let proxies = 0;
    if (settings.proxiesCount) {
        const holders = new Set();
        for (const m of voting) {
            const r = byUser.get(m.userId);
            if (r?.status !== 'absent' || !r.proxyHolderId)
                continue;
            const holder = r.proxyHolderId;
            if (!votingIds.has(holder) || !isPresentStatus(statusOf(holder)) || holders.has(holder))
                continue;
            holders.add(holder);
            proxies += 1;
        }
    }
    const present = presentRoom + presentOnline;
    const counted = present + proxies;
    const expected = voting.length;
    const required = requiredForQuorum(expected, settings);
    return {
        expected,
        present,
        presentRoom,
        presentOnline,
        proxies,
        counted,
        required,
        reached: expected > 0 && counted >= required,
    };
}
//# sourceMappingURL=quorum.js.map