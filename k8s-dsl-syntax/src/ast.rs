//! The syntax of a macro body, with the span of every token kept for error messages.
//!
//! The parser builds this tree without knowing which keys exist; [`crate::check`] judges it
//! against the key tables of [`crate::keys`] and [`crate::expand`] turns it into builder calls.

use proc_macro2::{Span, TokenStream};
use syn::{Ident, LitInt, LitStr};

/// `{ key: value, ... }` (or the whole macro body, which has no braces).
pub struct Block {
    /// The entries in the order written.
    pub entries: Vec<Entry>,
    /// The closing brace (the macro call itself for the body), where a missing key is reported.
    pub close: Span,
    /// Keys written with a value that could not be read (reported already): they count as
    /// present, so no "missing key" error follows the first one.
    pub unreadable: Vec<String>,
}

/// `key: value`.
pub struct Entry {
    /// The key as written.
    pub key: Key,
    /// The value after the colon.
    pub value: Value,
}

/// A key: an identifier (`periodSeconds`) or a string literal (`"app.kubernetes.io/name"`).
pub struct Key {
    /// The key's text, without quotes.
    pub name: String,
    /// Where the key is written.
    pub span: Span,
}

/// An integer literal, possibly with a unit suffix (`10s`) or a leading minus sign.
pub struct Int {
    /// The literal.
    pub lit: LitInt,
    /// True when written `-N`.
    pub negative: bool,
}

impl Int {
    /// The value (without suffix), when it fits an `i64`.
    pub fn value(&self) -> Option<i64> {
        let v = self.lit.base10_parse::<i64>().ok()?;
        if self.negative {
            v.checked_neg()
        } else {
            Some(v)
        }
    }

    /// The literal as written, suffix included (`1h30m`).
    pub fn text(&self) -> String {
        let text = self.lit.to_string();
        if self.negative {
            format!("-{text}")
        } else {
            text
        }
    }
}

/// `[a, b, ...]`.
pub struct List {
    /// The items in order.
    pub items: Vec<Value>,
    /// The brackets.
    pub span: Span,
}

/// A value.
pub enum Value {
    /// `"text"`.
    Str(LitStr),
    /// `8080`, `10s`, `-1`.
    Int(Int),
    /// `true` / `false`.
    Bool(bool, Span),
    /// A bare identifier: an enum value (`Never`) or, where a string or number belongs, a
    /// variable.
    Ident(Ident),
    /// `[ ... ]`.
    List(List),
    /// `{ ... }`.
    Block(Block),
    /// Any other Rust expression, kept as tokens and spliced into the expansion.
    Expr(TokenStream, Span),
}

impl Value {
    /// The span of the value (its first token for an expression).
    pub fn span(&self) -> Span {
        match self {
            Value::Str(lit) => lit.span(),
            Value::Int(int) => int.lit.span(),
            Value::Bool(_, span) | Value::Expr(_, span) => *span,
            Value::Ident(ident) => ident.span(),
            Value::List(list) => list.span,
            Value::Block(block) => block.close,
        }
    }

    /// What the value is, for messages (`a string`).
    pub fn describe(&self) -> &'static str {
        match self {
            Value::Str(_) => "a string",
            Value::Int(_) => "a number",
            Value::Bool(..) => "a boolean",
            Value::Ident(_) => "an identifier",
            Value::List(_) => "a list",
            Value::Block(_) => "a block",
            Value::Expr(..) => "an expression",
        }
    }
}

impl Block {
    /// The value of the first entry with key `name`.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.entry(name).map(|e| &e.value)
    }

    /// The first entry with key `name`.
    pub fn entry(&self, name: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.key.name == name)
    }

    /// The string literal under `name`, if it is one.
    pub fn str(&self, name: &str) -> Option<&LitStr> {
        match self.get(name) {
            Some(Value::Str(lit)) => Some(lit),
            _ => None,
        }
    }

    /// The block under `name`, if it is one.
    pub fn block(&self, name: &str) -> Option<&Block> {
        match self.get(name) {
            Some(Value::Block(block)) => Some(block),
            _ => None,
        }
    }

    /// The blocks of the list under `name` (items that are not blocks are skipped).
    pub fn blocks<'a>(&'a self, name: &str) -> impl Iterator<Item = &'a Block> + 'a {
        let items: &[Value] = match self.get(name) {
            Some(Value::List(list)) => &list.items,
            _ => &[],
        };
        items.iter().filter_map(|v| match v {
            Value::Block(b) => Some(b),
            _ => None,
        })
    }
}
