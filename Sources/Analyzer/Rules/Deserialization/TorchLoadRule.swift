import PythonSyntax

/// B614: `torch.load` without `weights_only=True` unpickles arbitrary objects.
struct TorchLoadRule: Rule {
    static let description = RuleDescription(
        code: "ASC614", name: "pytorch-unsafe-load", banditID: "B614", cwe: 502, severity: .medium, confidence: .high,
        rationale: """
        torch.load uses pickle, so a checkpoint from an untrusted source can run code when \
        loaded. Pass weights_only=True (the default from PyTorch 2.6; say so explicitly), or \
        store weights as safetensors.
        """,
        triggering: [
            "import torch\nmodel = ↓torch.load(path)\n",
            "import torch\nstate = ↓torch.load(f, weights_only=False)\n",
        ],
        nonTriggering: [
            "import torch\nstate = torch.load(path, weights_only=True)\n",
            "from safetensors.torch import load_file\nstate = load_file(path)\n",
        ]
    )

    var callees: Set<String> { ["torch.load", "torch.serialization.load"] }

    func check(call: CallSite, context: inout RuleContext) {
        if call.argument("weights_only")?.boolConstant == true { return }
        if call.hasKeywordSplat { return }
        context.report(call.expression.loc, "torch.load without weights_only=True can run code from the file",
                       fixHint: "pass weights_only=True")
    }
}
