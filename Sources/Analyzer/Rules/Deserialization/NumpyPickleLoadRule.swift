import PythonSyntax

/// CWE-502: `numpy.load` told `allow_pickle=True` unpickles object arrays.
struct NumpyPickleLoadRule: Rule {
    static let description = RuleDescription(
        code: "ASC2503", name: "numpy-load-allow-pickle", cwe: 502, severity: .medium, confidence: .high,
        rationale: """
        With allow_pickle=True, numpy.load unpickles object arrays in .npy and .npz files, so \
        a file from an untrusted source can run code when loaded. Leave allow_pickle off (the \
        default) and store plain numeric arrays, or use a format without pickle.
        """,
        triggering: [
            "import numpy as np\narrays = ↓np.load(path, allow_pickle=True)\n",
            "from numpy import load\nx = ↓load(\"features.npz\", mmap_mode=None, allow_pickle=True)\n",
        ],
        nonTriggering: [
            "import numpy as np\narrays = np.load(path)\n",
            "import numpy as np\narrays = np.load(path, allow_pickle=False)\n",
        ]
    )

    var callees: Set<String> { ["numpy.load"] }

    func check(call: CallSite, context: inout RuleContext) {
        guard call.argument("allow_pickle", position: 2)?.isTruthyConstant == true else { return }
        context.report(call.expression.loc, "numpy.load with allow_pickle=True can run code from the file",
                       fixHint: "drop allow_pickle=True")
    }
}
