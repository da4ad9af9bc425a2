//! The check of the `import` target, shared with the importer's stable tests
//! (`k8s-dsl-import/tests/hostile.rs` replays `regressions/import/` and runs the same check
//! on generated manifests): the bytes, as UTF-8 text (other inputs are skipped), are a
//! manifest file read by the importer's whole pipeline (`read_str`, then `generate` with and
//! without `--macros`). Reading may fail; what it must never do is panic, and the code it
//! writes for what it read must parse with `syn` into exactly the items the importer emits:
//! `use k8s_dsl::prelude::*;`, `pub fn objects()` whose `vec![..]` holds one expression per
//! object read, and the `with_fields` helper when a field is kept as JSON. Text from the
//! manifest that escaped its literal or comment would add or break an item.

use k8s_dsl_import::read::read_str;
use k8s_dsl_import::{generate, Options};

/// Reads `data` as a manifest and checks the code written for it, both ways.
pub fn check(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    check_text("fuzz.yaml", text);
}

/// [`check`] for text: the code written for it (when it reads) parses into exactly the
/// importer's items. Returns the code, builders then macros.
pub fn check_text(file: &str, text: &str) -> Option<[String; 2]> {
    let documents = read_str(file, text).ok()?;
    let code = [false, true].map(|macros| generate(file, &documents, &Options { macros }).code);
    for code in &code {
        if let Err(why) = items_are_the_importers(code, documents.len()) {
            panic!("{why}\n--- input\n{text:?}\n--- code\n{code}");
        }
    }
    Some(code)
}

/// Whether `code` parses into the importer's items, with `objects` building `count` objects.
pub fn items_are_the_importers(code: &str, count: usize) -> Result<(), String> {
    let file = syn::parse_file(code).map_err(|e| format!("the code does not parse: {e}"))?;
    if !file.attrs.is_empty() || file.shebang.is_some() {
        return Err("the code has inner attributes or a shebang".to_owned());
    }
    let mut names = Vec::new();
    for item in &file.items {
        match item {
            syn::Item::Use(u)
                if quote::quote!(#u).to_string() == "use k8s_dsl :: prelude :: * ;" =>
            {
                names.push("use".to_owned());
            }
            syn::Item::Fn(f) => {
                names.push(f.sig.ident.to_string());
                if f.sig.ident == "objects" {
                    check_objects(f, count)?;
                }
            }
            other => {
                return Err(format!(
                    "an item the importer never writes: {}",
                    quote::quote!(#other)
                ))
            }
        }
    }
    if names != ["use", "objects"] && names != ["use", "objects", "with_fields"] {
        return Err(format!("the items are {names:?}"));
    }
    Ok(())
}

/// `objects` is `Ok(vec![..])` with `count` expressions, and no attribute or inner item.
fn check_objects(f: &syn::ItemFn, count: usize) -> Result<(), String> {
    let attributes: Vec<String> = f
        .attrs
        .iter()
        .filter(|a| !a.path().is_ident("doc"))
        .map(|a| quote::quote!(#a).to_string())
        .collect();
    if !attributes.is_empty() {
        return Err(format!("`objects` has attributes {attributes:?}"));
    }
    let [syn::Stmt::Expr(syn::Expr::Call(ok), None)] = f.block.stmts.as_slice() else {
        return Err("`objects` is not one `Ok(..)` expression".to_owned());
    };
    let args: Vec<&syn::Expr> = ok.args.iter().collect();
    let [syn::Expr::Macro(vec)] = args.as_slice() else {
        return Err("`objects` does not return `Ok(vec![..])`".to_owned());
    };
    if !vec.mac.path.is_ident("vec") {
        return Err("`objects` does not return `Ok(vec![..])`".to_owned());
    }
    let items = vec
        .mac
        .parse_body_with(syn::punctuated::Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated)
        .map_err(|e| format!("the objects do not parse as expressions: {e}"))?;
    if items.len() != count {
        return Err(format!("{} objects written for {count} read", items.len()));
    }
    Ok(())
}
