// `tests/corpus/hostile/strings.yaml`, imported by `k8s-dsl-import`.
//
// Fields without a builder method, kept as they are:
// - Widget/hostile `(whole object)`: `example.com/v1` `Widget` has no builder; kept with `CustomResource`
// - ConfigMap/kept `metadata.finalizers`: kept as JSON

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/hostile/strings.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // ConfigMap `hostile` (document 1)
        ConfigMap::new("hostile")
            .annotation("example.com/a0", "\n")
            .annotation("example.com/a1", "\r\n")
            .annotation("example.com/a10", "\u{85}")
            .annotation("example.com/a11", "\u{2028}")
            .annotation("example.com/a12", "\u{2029}")
            .annotation("example.com/a13", "\u{202e}")
            .annotation("example.com/a14", "\t")
            .annotation("example.com/a15", "\u{1b}")
            .annotation("example.com/a16", "}")
            .annotation("example.com/a17", "{")
            .annotation("example.com/a18", "`")
            .annotation("example.com/a19", "'")
            .annotation("example.com/a2", "\r")
            .annotation("example.com/a20", "macro_rules! vec { () => {} }\n//")
            .annotation("example.com/a21", "r#\"")
            .annotation("example.com/a22", "$(X)")
            .annotation("example.com/a23", " é 💥")
            .annotation("example.com/a3", "\"")
            .annotation("example.com/a4", "\"#")
            .annotation("example.com/a5", "#")
            .annotation("example.com/a6", "*/")
            .annotation("example.com/a7", "/*")
            .annotation("example.com/a8", "//")
            .annotation("example.com/a9", "\\")
            .data("k0", "x\ny")
            .data("k1", "x\r\ny")
            .data("k10", "x\u{85}y")
            .data("k11", "x\u{2028}y")
            .data("k12", "x\u{2029}y")
            .data("k13", "x\u{202e}y")
            .data("k14", "x\ty")
            .data("k15", "x\u{1b}y")
            .data("k16", "x}y")
            .data("k17", "x{y")
            .data("k18", "x`y")
            .data("k19", "x'y")
            .data("k2", "x\ry")
            .data("k20", "xmacro_rules! vec { () => {} }\n//y")
            .data("k21", "xr#\"y")
            .data("k22", "x$(X)y")
            .data("k23", "x é 💥y")
            .data("k3", "x\"y")
            .data("k4", "x\"#y")
            .data("k5", "x#y")
            .data("k6", "x*/y")
            .data("k7", "x/*y")
            .data("k8", "x//y")
            .data("k9", "x\\y")
            .build()?
            .into(),
        // Pod `hostile` (document 2)
        Pod::new("hostile")
            .container(
                Container::new("app")
                    .image("busybox:1.36")
                    .command([
                        "\n", "\r\n", "\r", "\"", "\"#", "#", "*/", "/*", "//", "\\", "\u{85}",
                        "\u{2028}",
                    ])
                    .args([
                        "\u{2029}",
                        "\u{202e}",
                        "\t",
                        "\u{1b}",
                        "}",
                        "{",
                        "`",
                        "'",
                        "macro_rules! vec { () => {} }\n//",
                        "r#\"",
                        "$(X)",
                        " é 💥",
                    ])
                    .env("V0", "\n")
                    .env("V1", "\r\n")
                    .env("V2", "\r")
                    .env("V3", "\"")
                    .env("V4", "\"#")
                    .env("V5", "#")
                    .env("V6", "*/")
                    .env("V7", "/*")
                    .env("V8", "//")
                    .env("V9", "\\")
                    .env("V10", "\u{85}")
                    .env("V11", "\u{2028}")
                    .env("V12", "\u{2029}")
                    .env("V13", "\u{202e}")
                    .env("V14", "\t")
                    .env("V15", "\u{1b}")
                    .env("V16", "}")
                    .env("V17", "{")
                    .env("V18", "`")
                    .env("V19", "'")
                    .env("V20", "macro_rules! vec { () => {} }\n//")
                    .env("V21", "r#\"")
                    .env("V22", "$(X)")
                    .env("V23", " é 💥"),
            )
            .build()?
            .into(),
        // Widget `hostile` (document 3)
        Object::Custom(
            CustomResource::new("example.com/v1", "Widget", "hostile")
                .spec(serde_json::json!({
                    "\t": { "list": ["\t"], "value": "\t" },
                    "\n": { "list": ["\n"], "value": "\n" },
                    "\r": { "list": ["\r"], "value": "\r" },
                    "\r\n": { "list": ["\r\n"], "value": "\r\n" },
                    "\u{1b}": { "list": ["\u{1b}"], "value": "\u{1b}" },
                    " é 💥": { "list": [" é 💥"], "value": " é 💥" },
                    "\"": { "list": ["\""], "value": "\"" },
                    "\"#": { "list": ["\"#"], "value": "\"#" },
                    "#": { "list": ["#"], "value": "#" },
                    "$(X)": { "list": ["$(X)"], "value": "$(X)" },
                    "'": { "list": ["'"], "value": "'" },
                    "*/": { "list": ["*/"], "value": "*/" },
                    "/*": { "list": ["/*"], "value": "/*" },
                    "//": { "list": ["//"], "value": "//" },
                    "\\": { "list": ["\\"], "value": "\\" },
                    "`": { "list": ["`"], "value": "`" },
                    "macro_rules! vec { () => {} }\n//": {
                        "list": ["macro_rules! vec { () => {} }\n//"],
                        "value": "macro_rules! vec { () => {} }\n//",
                    },
                    "r#\"": { "list": ["r#\""], "value": "r#\"" },
                    "{": { "list": ["{"], "value": "{" },
                    "}": { "list": ["}"], "value": "}" },
                    "\u{85}": { "list": ["\u{85}"], "value": "\u{85}" },
                    "\u{2028}": { "list": ["\u{2028}"], "value": "\u{2028}" },
                    "\u{2029}": { "list": ["\u{2029}"], "value": "\u{2029}" },
                    "\u{202e}": { "list": ["\u{202e}"], "value": "\u{202e}" },
                }))
                .build()?,
        ),
        // ConfigMap `kept` (document 4)
        with_fields(
            ConfigMap::new("kept").data("a", "b").build()?,
            vec![
                // `metadata.finalizers`: no builder method
                (
                    "/metadata/finalizers",
                    serde_json::json!([
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
                        "\t",
                        "\u{1b}",
                        "}",
                        "{",
                        "`",
                        "'",
                        "macro_rules! vec { () => {} }\n//",
                        "r#\"",
                        "$(X)",
                        " é 💥",
                    ]),
                ),
            ],
        )?
        .into(),
    ])
}

/// Sets fields that have no builder method on a built object, at their JSON pointers.
fn with_fields<T>(
    object: T,
    fields: Vec<(&str, serde_json::Value)>,
) -> Result<T, Box<dyn std::error::Error>>
where
    T: k8s_openapi::serde::Serialize + k8s_openapi::serde::de::DeserializeOwned,
{
    let mut value = serde_json::to_value(object)?;
    for (pointer, field) in fields {
        let mut slot = &mut value;
        for token in pointer.split('/').skip(1) {
            let token = token.replace("~1", "/").replace("~0", "~");
            if slot.is_null() {
                *slot = serde_json::Value::Object(serde_json::Map::new());
            }
            slot = match slot {
                serde_json::Value::Object(map) => {
                    map.entry(token).or_insert(serde_json::Value::Null)
                }
                serde_json::Value::Array(items) => {
                    match token.parse::<usize>().ok().and_then(|i| items.get_mut(i)) {
                        Some(item) => item,
                        None => return Err(format!("no list item for `{pointer}`").into()),
                    }
                }
                _ => return Err(format!("no place for `{pointer}`").into()),
            };
        }
        *slot = field;
    }
    Ok(serde_json::from_value(value)?)
}
