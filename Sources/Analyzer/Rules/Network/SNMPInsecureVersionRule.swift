import PythonSyntax

/// B508: pysnmp SNMPv1/v2c community authentication.
struct SNMPInsecureVersionRule: Rule {
    static let description = RuleDescription(
        code: "ASC508", name: "snmp-insecure-version", banditID: "B508", cwe: 319, severity: .medium, confidence: .high,
        rationale: """
        SNMPv1 and v2c (CommunityData) send the community string, which is the password, and \
        all data in clear text. Use SNMPv3 with authentication and privacy: \
        UsmUserData(user, authKey, privKey, authProtocol=usmHMACSHAAuthProtocol, privProtocol=usmAesCfb128Protocol).
        """,
        triggering: [
            "from pysnmp.hlapi import CommunityData\nauth = ↓CommunityData(\"public\", mpModel=0)\n",
            "import pysnmp.hlapi as snmp\nauth = ↓snmp.CommunityData(community)\n",
        ],
        nonTriggering: [
            "from pysnmp.hlapi import UsmUserData\nauth = UsmUserData(\"admin\", auth_key, priv_key)\n",
            "auth = CommunityData(\"public\")\n",  // not pysnmp's
        ]
    )

    var calleePrefixes: [String] { ["pysnmp."] }

    func check(call: CallSite, context: inout RuleContext) {
        guard call.qualifiedName.hasSuffix(".CommunityData") else { return }
        context.report(call.expression.loc, "SNMPv1/v2c community authentication is clear text", fixHint: "use SNMPv3 with authPriv")
    }
}
