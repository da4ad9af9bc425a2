//! Tokens to [`ast`](crate::ast): a parser that records a bad entry and goes on with the next,
//! so one compile shows every mistake.
//!
//! Only the shape is parsed here (`key: value` separated by commas, blocks, lists,
//! literals); which keys exist is [`crate::check`]'s business. A value that is not a literal,
//! a bare identifier, a list or a block is a Rust expression: its tokens up to the next
//! top-level `,` are kept as they are and spliced into the expansion.

use proc_macro2::{Delimiter, Span, TokenStream, TokenTree};
use syn::Lit;

use crate::ast::{Block, Entry, Int, Key, List, Value};
use crate::ctxt::Ctxt;

/// How deeply blocks and lists may nest. Real manifests stay far below it (a pod's affinity
/// is among the deepest, at about ten levels); the limit keeps the parser's recursion, and
/// everything that walks the tree after it, bounded whatever tokens it is given.
pub const MAX_DEPTH: usize = 32;

/// Parses the body of a macro call (the entries of a block without its braces).
pub fn body(input: TokenStream, cx: &mut Ctxt) -> Block {
    block(input, Span::call_site(), cx, 0)
}

/// Where tokens have the shape of YAML pasted as it is rather than of the macro's syntax: a
/// list item `- key:` or a key whose value starts with another key (`securityContext:
/// runAsUser: 1000`, a nested mapping written by indentation). Indentation (tabs or spaces)
/// means nothing to Rust's tokens, so without this one paste gives a dozen errors about
/// commas, duplicate and unknown keys.
fn yaml_shape(trees: &[TokenTree]) -> Option<Span> {
    let key_at = |i: usize| {
        matches!(trees.get(i), Some(TokenTree::Ident(_))) && trees.get(i + 1).is_some_and(is_colon)
    };
    // A `-` that starts an item: first, or after a value (`image: nginx - name: log`), never
    // inside a key (`app-name:`, reported as a key that needs quotes).
    let item_starts = |i: usize| match i.checked_sub(1).and_then(|j| trees.get(j)) {
        None => true,
        Some(TokenTree::Literal(_)) => true,
        Some(tree) if is_colon(tree) => true,
        Some(TokenTree::Ident(_)) => i >= 2 && trees.get(i - 2).is_some_and(is_colon),
        Some(_) => false,
    };
    (0..trees.len()).find_map(|i| match trees.get(i) {
        Some(TokenTree::Punct(p))
            if p.as_char() == '-'
                && p.spacing() == proc_macro2::Spacing::Alone
                && key_at(i + 1)
                && item_starts(i) =>
        {
            Some(p.span())
        }
        Some(tree) if is_colon(tree) && key_at(i + 1) && i > 0 && key_at(i - 1) => {
            trees.get(i + 1).map(TokenTree::span)
        }
        _ => None,
    })
}

/// Reports YAML pasted into a block (see [`yaml_shape`]) once, and returns the keys it holds
/// so that no "missing key" error follows.
fn yaml_pasted(trees: &[TokenTree], cx: &mut Ctxt) -> Option<Vec<String>> {
    let span = yaml_shape(trees)?;
    cx.error(
        span,
        "this is YAML as it is written in a manifest, which the macro cannot read: indentation \
         (tabs or spaces) means nothing here; write each mapping in `{ }`, each list in `[ ]`, a \
         comma after each entry and strings in quotes, such as \
         `containers: [ { name: \"app\", image: \"nginx:1.27\" } ]`",
    );
    let keys = (0..trees.len())
        .filter(|&i| trees.get(i + 1).is_some_and(is_colon))
        .filter_map(|i| match trees.get(i) {
            Some(TokenTree::Ident(ident)) => Some(ident.to_string()),
            _ => None,
        })
        .collect();
    Some(keys)
}

/// The block whose entries are `stream`, closed at `close`, `depth` levels deep.
fn block(stream: TokenStream, close: Span, cx: &mut Ctxt, depth: usize) -> Block {
    let mut block = Block {
        entries: Vec::new(),
        close,
        unreadable: Vec::new(),
    };
    let trees: Vec<TokenTree> = stream.into_iter().collect();
    if let Some(keys) = yaml_pasted(&trees, cx) {
        block.unreadable = keys;
        return block;
    }
    let stream: TokenStream = trees.into_iter().collect();
    for segment in split(stream, cx) {
        for piece in split_missing_commas(segment, cx) {
            match entry(piece, cx, depth) {
                Read::Entry(entry) => block.entries.push(entry),
                Read::KeyOnly(name) => block.unreadable.push(name),
                Read::Nothing => {}
            }
        }
    }
    block
}

/// What [`entry`] could read of one `key: value`.
enum Read {
    /// The whole entry.
    Entry(Entry),
    /// Only the key: the value is missing or unreadable (reported).
    KeyOnly(String),
    /// Not even a key (reported).
    Nothing,
}

/// Splits `stream` at top-level commas. Empty segments (a trailing comma) are dropped; a
/// doubled comma is reported.
fn split(stream: TokenStream, cx: &mut Ctxt) -> Vec<Vec<TokenTree>> {
    let mut out = Vec::new();
    let mut current: Vec<TokenTree> = Vec::new();
    for tree in stream {
        match &tree {
            TokenTree::Punct(p) if p.as_char() == ',' => {
                if current.is_empty() {
                    cx.error(p.span(), "unexpected `,`; remove it");
                } else {
                    out.push(std::mem::take(&mut current));
                }
            }
            _ => current.push(tree),
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// True for a lone `:` (not part of `::`).
fn is_colon(tree: &TokenTree) -> bool {
    matches!(tree, TokenTree::Punct(p) if p.as_char() == ':' && p.spacing() == proc_macro2::Spacing::Alone)
}

/// Splits a segment where a comma is missing (`name: "a" image: "b"`): before each identifier
/// that follows a value and is itself followed by a lone `:`. Each split is reported, and the
/// pieces are parsed as entries of their own so no follow-up error appears.
fn split_missing_commas(segment: Vec<TokenTree>, cx: &mut Ctxt) -> Vec<Vec<TokenTree>> {
    let mut out = Vec::new();
    let mut current: Vec<TokenTree> = Vec::new();
    let mut trees = segment.into_iter().peekable();
    while let Some(tree) = trees.next() {
        let starts_entry = matches!(&tree, TokenTree::Ident(_))
            && trees.peek().is_some_and(is_colon)
            && current.iter().filter(|t| is_colon(t)).count() == 1
            && current.last().is_some_and(|t| !is_colon(t));
        if starts_entry {
            cx.error(
                tree.span(),
                format!("expected `,` before `{tree}`; separate entries with commas"),
            );
            out.push(std::mem::take(&mut current));
        }
        current.push(tree);
    }
    out.push(current);
    out
}

/// One `key: value` entry, or what could be read of it (after reporting the rest).
fn entry(segment: Vec<TokenTree>, cx: &mut Ctxt, depth: usize) -> Read {
    let Some(first) = segment.first().cloned() else {
        return Read::Nothing;
    };
    let Some(colon) = segment.iter().position(is_colon) else {
        return match &first {
            TokenTree::Ident(i) => {
                cx.error(
                    first.span(),
                    format!("missing `: value` after `{i}`; write `{i}: value`"),
                );
                let name = i.to_string();
                Read::KeyOnly(name.strip_prefix("r#").map_or(name.clone(), str::to_string))
            }
            _ => {
                cx.error(first.span(), "expected `key: value`");
                Read::Nothing
            }
        };
    };
    let mut trees = segment.into_iter();
    let key_tokens: Vec<TokenTree> = trees.by_ref().take(colon).collect();
    let colon_span = trees.next().map_or(first.span(), |t| t.span());
    let value_tokens: Vec<TokenTree> = trees.collect();
    let Some(key) = key(&key_tokens, cx) else {
        return Read::Nothing;
    };
    if value_tokens.is_empty() {
        cx.error(
            colon_span,
            format!(
                "missing value after `{}:`; write a value or remove the key",
                key.name
            ),
        );
        return Read::KeyOnly(key.name);
    }
    match value(value_tokens, cx, depth) {
        Some(value) => Read::Entry(Entry { key, value }),
        None => Read::KeyOnly(key.name),
    }
}

/// The key of an entry: one identifier or one string literal.
fn key(tokens: &[TokenTree], cx: &mut Ctxt) -> Option<Key> {
    let first = tokens.first()?;
    if let [single] = tokens {
        match single {
            TokenTree::Ident(ident) => {
                let name = ident.to_string();
                let name = name.strip_prefix("r#").map_or(name.clone(), str::to_string);
                return Some(Key {
                    name,
                    span: ident.span(),
                });
            }
            TokenTree::Literal(literal) => {
                if let Lit::Str(s) = Lit::new(literal.clone()) {
                    return Some(Key {
                        name: s.value(),
                        span: s.span(),
                    });
                }
            }
            _ => {}
        }
    }
    let written: String = tokens.iter().map(ToString::to_string).collect();
    cx.error(
        first.span(),
        format!("a key is an identifier or a string; write `\"{written}\"` with quotes"),
    );
    None
}

/// Splits list items where a comma is missing between blocks (`[ { ... } { ... } ]`).
fn split_blocks(item: Vec<TokenTree>, cx: &mut Ctxt) -> Vec<Vec<TokenTree>> {
    let is_block =
        |t: &TokenTree| matches!(t, TokenTree::Group(g) if g.delimiter() == Delimiter::Brace);
    if item.len() < 2 || !item.iter().all(is_block) {
        return vec![item];
    }
    for extra in item.iter().skip(1) {
        cx.error(
            extra.span(),
            "expected `,` before this block; separate list items with commas",
        );
    }
    item.into_iter().map(|t| vec![t]).collect()
}

/// A value from its tokens, in a block or list `depth` levels deep.
fn value(tokens: Vec<TokenTree>, cx: &mut Ctxt, depth: usize) -> Option<Value> {
    let first_span = tokens.first()?.span();
    match tokens.as_slice() {
        [TokenTree::Group(group)]
            if matches!(group.delimiter(), Delimiter::Brace | Delimiter::Bracket)
                && depth >= MAX_DEPTH =>
        {
            cx.error(
                group.span_open(),
                format!(
                    "blocks and lists nest more than {MAX_DEPTH} levels deep here; no manifest field nests this deep, so a bracket or brace is probably misplaced"
                ),
            );
            None
        }
        [TokenTree::Group(group)] => match group.delimiter() {
            Delimiter::Brace => Some(Value::Block(block(
                group.stream(),
                group.span_close(),
                cx,
                depth + 1,
            ))),
            Delimiter::Bracket => {
                let trees: Vec<TokenTree> = group.stream().into_iter().collect();
                if yaml_pasted(&trees, cx).is_some() {
                    return None;
                }
                let mut items = Vec::new();
                for item in split(trees.into_iter().collect(), cx) {
                    for piece in split_blocks(item, cx) {
                        items.extend(value(piece, cx, depth + 1));
                    }
                }
                Some(Value::List(List {
                    items,
                    span: group.span(),
                }))
            }
            _ => Some(Value::Expr(tokens.into_iter().collect(), first_span)),
        },
        [TokenTree::Ident(ident)] => match ident.to_string().as_str() {
            "true" => Some(Value::Bool(true, ident.span())),
            "false" => Some(Value::Bool(false, ident.span())),
            _ => Some(Value::Ident(ident.clone())),
        },
        [TokenTree::Literal(literal)] => match Lit::new(literal.clone()) {
            Lit::Str(s) => Some(Value::Str(s)),
            Lit::Int(lit) => Some(Value::Int(Int {
                lit,
                negative: false,
            })),
            _ => Some(Value::Expr(tokens.into_iter().collect(), first_span)),
        },
        [TokenTree::Punct(minus), TokenTree::Literal(literal)] if minus.as_char() == '-' => {
            match Lit::new(literal.clone()) {
                Lit::Int(lit) => Some(Value::Int(Int {
                    lit,
                    negative: true,
                })),
                _ => Some(Value::Expr(tokens.into_iter().collect(), first_span)),
            }
        }
        [TokenTree::Punct(p)] => {
            cx.error(p.span(), format!("expected a value, found `{p}`"));
            None
        }
        _ => Some(Value::Expr(tokens.into_iter().collect(), first_span)),
    }
}
