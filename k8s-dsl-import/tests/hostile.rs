//! Hostile strings in every field the importer reads (line breaks, quotes, `"#`, `*/`, `\`,
//! the Unicode line separators, bidirectional controls, Rust code) never become code: the
//! output parses with `syn` into exactly the importer's items (`fuzz/import_check.rs`, the
//! check of the `import` fuzz target, whose regression inputs are replayed here too), and
//! every string comes back as a string literal with exactly its value. Compiling and running
//! such code is the round trip of `tests/corpus/hostile/` (`roundtrip.rs`), since compiling
//! once per case would be too slow. Names and kinds the API server refuses are errors.
//! `PROPTEST_CASES` raises the case count.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[path = "../../fuzz/import_check.rs"]
mod import_check;

use std::collections::BTreeSet;
use std::fs;

use k8s_dsl_import::read::read_str;
use proc_macro2::{TokenStream, TokenTree};
use proptest::prelude::*;
use serde_json::{json, Value};

const FRAGMENTS: &[&str] = &[
    "\n",
    "\r\n",
    "\r",
    "\"",
    "\"#",
    "#",
    "*/",
    "/*",
    "//",
    "\\",
    "\u{85}",
    "\u{2028}",
    "\u{2029}",
    "\u{202e}",
    "\u{2066}",
    "\t",
    "\0",
    "\u{1b}",
    "\u{feff}",
    "}",
    "{",
    ")",
    "]",
    "`",
    "'",
    "macro_rules! vec { () => {} }",
    "fn evil() { std::process::exit(1) }",
    "r#\"",
    "$(X)",
    "${IMAGE}",
    " ",
    "é",
    "💥",
    "web",
];

fn hostile() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => proptest::sample::select(FRAGMENTS).prop_map(str::to_owned),
        1 => any::<char>().prop_map(String::from),
    ];
    proptest::collection::vec(piece, 0..6).prop_map(|pieces| pieces.concat())
}

/// A string the API server could take as a name or kind: no line break or control character
/// (those are refused, see below); everything else, quotes and `*/` included.
fn name() -> impl Strategy<Value = String> {
    hostile().prop_map(|s| {
        s.chars()
            .filter(|c| !c.is_control() && !matches!(c, '\u{2028}' | '\u{2029}'))
            .collect()
    })
}

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(cases),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// The documents, with a string from the strategies in every field the importer reads.
fn manifest(names: &[String], strings: &[String]) -> Vec<Value> {
    let (n, s) = (names, strings);
    vec![
        json!({"apiVersion": "v1", "kind": "ConfigMap",
            "metadata": {"name": n[0], "namespace": n[1], "labels": {&s[0]: s[1]}, "annotations": {&s[2]: s[3]}},
            "data": {&s[4]: s[5]}}),
        json!({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": n[2]},
            "spec": {"containers": [{"name": n[3], "image": s[6], "command": [s[7]], "args": [s[8]],
                "workingDir": s[9], "env": [{"name": s[10], "value": s[11]}]}]}}),
        json!({"apiVersion": "v1", "kind": "Secret", "metadata": {"name": n[4]}, "stringData": {&s[12]: s[13]}}),
        json!({"apiVersion": format!("x{}", n[5]), "kind": format!("X{}", n[6]), "metadata": {"name": n[7]},
            "spec": {&s[14]: s[15], "list": [s[16]]}}),
        // A field without a builder method and one k8s-openapi does not know: both are
        // named in comments.
        json!({"apiVersion": "v1", "kind": "ConfigMap",
            "metadata": {"name": n[8], "finalizers": [s[17]]}, "data": {"k": s[18]}}),
        json!({"apiVersion": "v1", "kind": "Service", "metadata": {"name": n[9]},
            format!("x{}", s[19]): s[20]}),
    ]
}

fn yaml(documents: &[Value]) -> String {
    documents
        .iter()
        .map(|d| serde_yaml::to_string(d).unwrap())
        .collect::<Vec<_>>()
        .join("---\n")
}

/// The value of every string literal in `code`, macro bodies included, and every identifier.
fn literals_and_idents(code: &str) -> (Vec<String>, BTreeSet<String>) {
    fn walk(tokens: TokenStream, literals: &mut Vec<String>, idents: &mut BTreeSet<String>) {
        for token in tokens {
            match token {
                TokenTree::Group(g) => walk(g.stream(), literals, idents),
                TokenTree::Ident(i) => {
                    idents.insert(i.to_string());
                }
                TokenTree::Literal(l) => {
                    if let Ok(s) = syn::parse_str::<syn::LitStr>(&l.to_string()) {
                        literals.push(s.value());
                    }
                }
                TokenTree::Punct(_) => {}
            }
        }
    }
    let (mut literals, mut idents) = (Vec::new(), BTreeSet::new());
    walk(code.parse().unwrap(), &mut literals, &mut idents);
    (literals, idents)
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn hostile_strings_stay_literals(
        title in hostile(),
        names in proptest::collection::vec(name(), 10),
        strings in proptest::collection::vec(hostile(), 21),
    ) {
        let documents = manifest(&names, &strings);
        let text = yaml(&documents);
        // The same objects with plain strings: the identifiers the importer writes for them.
        let plain = yaml(&manifest(&vec!["a".to_owned(); 10], &vec!["a".to_owned(); 21]));
        let [plain_builders, plain_macros] = import_check::check_text("a.yaml", &plain).unwrap();
        let mut known = literals_and_idents(&plain_builders).1;
        known.extend(literals_and_idents(&plain_macros).1);

        let read = read_str(&title, &text);
        prop_assert!(read.is_ok(), "{:?}\n{text}", read.err());
        let code = import_check::check_text(&title, &text).unwrap();
        for code in &code {
            let (literals, idents) = literals_and_idents(code);
            let new: Vec<&String> = idents.difference(&known).collect();
            prop_assert!(new.is_empty(), "identifiers from the input: {new:?}\n{code}");
            let mut expected: Vec<String> = names.iter().chain(&strings).cloned().collect();
            // Those written with a prefix (an `apiVersion`, a kind, a key that is no field).
            expected[5] = format!("x{}", names[5]);
            expected[6] = format!("X{}", names[6]);
            expected[10 + 19] = format!("x{}", strings[19]);
            for s in expected.iter().filter(|s| !s.is_empty() && s.as_str() != "a") {
                prop_assert!(literals.contains(s), "{s:?} is not a literal of\n{code}");
            }
        }
    }

    #[test]
    fn names_and_kinds_with_line_breaks_or_control_characters_are_errors(
        before in name(),
        after in name(),
        bad in proptest::sample::select(vec!['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}', '\0', '\u{1b}', '\t']),
        field in 0..4usize,
    ) {
        let s = format!("{before}{bad}{after}");
        let mut object = json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "ok"}});
        match field {
            0 => object["metadata"]["name"] = json!(s),
            1 => object["metadata"]["namespace"] = json!(s),
            2 => object["kind"] = json!(s),
            _ => object["apiVersion"] = json!(s),
        }
        let errors = read_str("bad.yaml", &yaml(&[object])).unwrap_err();
        prop_assert_eq!(errors.len(), 1);
        prop_assert!(errors[0].message.contains("the API server refuses it"), "{}", errors[0]);
    }
}

#[test]
fn the_reported_injections_are_refused_or_stay_literals() {
    // Issue 23: a name with a line break and Rust became code in the header comment.
    let name = "w\nmacro_rules! vec { ($($t:tt)*) => { std::fs::write(\"pwned\", \"\") } }\n//";
    let object = json!({"apiVersion": "v1", "kind": "Widget", "metadata": {"name": name}});
    let errors = read_str("w.yaml", &yaml(&[object])).unwrap_err();
    assert!(
        errors[0]
            .message
            .starts_with("`metadata.name` holds a line break (U+000A)"),
        "{errors:?}"
    );
    let kind = json!({"apiVersion": "v1", "kind": "W\u{2028}fn f() {}", "metadata": {"name": "w"}});
    assert!(read_str("w.yaml", &yaml(&[kind])).is_err());

    // The same text where the API takes any string: a key of a field kept as JSON, named in
    // a comment, and the file name.
    let key = "x\n}\nfn evil() {}\n/* */ //";
    let object = json!({"apiVersion": "v1", "kind": "Service", "metadata": {"name": "w"}, key: 1});
    let text = yaml(&[object]);
    let [code, _] = import_check::check_text("a\n*/ fn f() {}\n.yaml", &text).unwrap();
    assert!(
        code.contains(r"// - Service/w `x\n}\nfn evil() {}\n/ * * / //`"),
        "{code}"
    );
    assert!(
        !code
            .lines()
            .any(|l| l.trim_start().starts_with("fn evil") || l.starts_with("*/")),
        "{code}"
    );
}

#[test]
fn fuzz_regressions_of_the_import_target() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../fuzz/regressions/import");
    let mut inputs = 0;
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        import_check::check(&fs::read(&path).unwrap());
        inputs += 1;
    }
    assert!(inputs >= 3, "{inputs} inputs in {dir}");
}

/// Corpus manifests, each read into the test binary: the starting points of [`mutated`].
const SEEDS: [&str; 4] = [
    include_str!("corpus/web-app.yaml"),
    include_str!("corpus/batch-app.yaml"),
    include_str!("corpus/hostile/strings.yaml"),
    "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: nginx:1.27\n    env:\n    - name: PORT\n      value: 8080\n",
];

/// A corpus manifest edited as the fuzzer edits its inputs: pieces cut out, hostile
/// fragments and YAML punctuation put in, lines doubled. Most edits keep the YAML readable,
/// so the inputs reach the code generator, not only the reader.
fn mutated() -> impl Strategy<Value = String> {
    let edit = (
        0..4u8,
        any::<proptest::sample::Index>(),
        0..40usize,
        prop_oneof![
            hostile(),
            proptest::sample::select(vec![
                ": ", "- ", "\n", "\n  ", "{", "}", "[", "]", "&a ", "*a", "'", "\"", "8080",
                "true", "~", "0400", "---\n", "\t",
            ])
            .prop_map(str::to_owned),
        ],
    );
    (
        proptest::sample::select(SEEDS.to_vec()),
        proptest::collection::vec(edit, 1..6),
    )
        .prop_map(|(seed, edits)| {
            let mut text = seed.to_owned();
            for (op, at, len, fragment) in edits {
                let boundaries: Vec<usize> = (0..=text.len())
                    .filter(|&i| text.is_char_boundary(i))
                    .collect();
                let start = *at.get(&boundaries);
                let end = boundaries
                    .iter()
                    .copied()
                    .find(|&i| i >= start + len)
                    .unwrap_or(text.len());
                match op {
                    0 => text.replace_range(start..end, ""),
                    1 => text.insert_str(start, &fragment),
                    2 => text.replace_range(start..end, &fragment),
                    _ => {
                        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
                        let line_end = text[start..]
                            .find('\n')
                            .map_or(text.len(), |i| start + i + 1);
                        let line = text[line_start..line_end].to_owned();
                        text.insert_str(line_end, &line);
                    }
                }
            }
            text
        })
}

proptest! {
    #![proptest_config(config(48))]

    /// The `import` fuzz target's check (`fuzz/import_check.rs`) over the whole pipeline, on
    /// stable Rust: the fuzz target's inputs drawn from edited corpus manifests.
    #[test]
    fn edited_manifests_never_panic_and_stay_the_importers_items(text in mutated()) {
        import_check::check(text.as_bytes());
    }
}
