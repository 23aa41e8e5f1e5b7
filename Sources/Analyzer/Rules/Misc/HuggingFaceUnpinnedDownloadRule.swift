import PythonSyntax

/// B615: Hugging Face Hub downloads not pinned to a commit.
struct HuggingFaceUnpinnedDownloadRule: Rule {
    static let description = RuleDescription(
        code: "ASC615", name: "huggingface-unsafe-download", banditID: "B615", cwe: 494, severity: .medium, confidence: .high,
        rationale: """
        A model or dataset fetched by name follows whatever its owner (or whoever takes over the \
        account) pushes next, and model files can carry code. Pin revision= to a commit hash and \
        prefer safetensors weights.
        """,
        triggering: [
            "from transformers import AutoModel\nmodel = ↓AutoModel.from_pretrained(\"org/model\")\n",
            "from huggingface_hub import hf_hub_download\npath = ↓hf_hub_download(repo_id=\"org/model\", filename=\"w.bin\", revision=\"main\")\n",
            "from datasets import load_dataset\nds = ↓load_dataset(name)\n",
        ],
        nonTriggering: [
            "from transformers import AutoModel\nmodel = AutoModel.from_pretrained(\"org/model\", revision=\"5d0f2e8a9c1b3d4e5f60718293a4b5c6d7e8f901\")\n",
            "from transformers import AutoModel\nmodel = AutoModel.from_pretrained(\"./checkpoints/local\")\n",
            "from transformers import AutoModel\nmodel = AutoModel.from_pretrained(name, revision=pinned)\n",
        ]
    )

    static let libraries = ["transformers.", "diffusers.", "peft.", "sentence_transformers.", "huggingface_hub.", "datasets."]
    static let functions: Set<String> = [
        "from_pretrained", "hf_hub_download", "snapshot_download", "load_dataset", "load_dataset_builder",
    ]

    var calleePrefixes: [String] { Self.libraries }

    func check(call: CallSite, context: inout RuleContext) {
        guard let function = call.qualifiedName.split(separator: ".").last, Self.functions.contains(String(function)) else { return }
        if let source = call.argument("pretrained_model_name_or_path", position: 0) ?? call.argument("repo_id") ?? call.argument("path"),
           let text = source.stringConstant, text.hasPrefix(".") || text.hasPrefix("/") || text.hasPrefix("~") {
            return  // a local directory
        }
        if let revision = call.argument("revision") ?? call.argument("commit_id") {
            guard let text = revision.stringConstant else { return }  // chosen elsewhere
            if text.count >= 7, text.allSatisfy(\.isHexDigit) { return }
        } else if call.hasKeywordSplat {
            return
        }
        context.report(call.expression.loc, "\(function) downloads from the Hub without pinning a commit revision",
                       fixHint: "pass revision=<commit hash>")
    }
}
