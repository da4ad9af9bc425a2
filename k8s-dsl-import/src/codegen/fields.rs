//! The generator's working state: [`Fields`] (the fields of one object part still to be
//! expressed), [`Cx`] (the fields kept as JSON and the report) and [`Chain`] (a builder
//! expression being written).
//!
//! A generator *takes* each field it expresses with a builder method; whatever it leaves in
//! a [`Fields`] becomes, on [`Fields::finish`], a field kept as JSON at its path. So nothing
//! can be dropped: a field is either written as builder code or kept.

use std::fmt::Debug;
use std::str::FromStr;

use serde_json::{Map, Value};

use super::path::JPath;
use crate::report::Unsupported;
use crate::rust::{json_lit, str_lit};

/// A field kept as JSON: set at its path on the built object.
#[derive(Debug, Clone)]
pub(crate) struct Patch {
    pub(crate) path: JPath,
    pub(crate) value: Value,
}

/// The state of generating one object.
#[derive(Debug, Default)]
pub(crate) struct Cx {
    pub(crate) patches: Vec<Patch>,
    pub(crate) notes: Vec<Unsupported>,
    pub(crate) source: String,
    pub(crate) object: String,
    /// The role given to each container (its place, and the builder method that adds it).
    pub(crate) roles: Vec<(JPath, &'static str)>,
}

impl Cx {
    /// Keeps `value` as JSON at `path`.
    pub(crate) fn keep(&mut self, path: JPath, value: Value) {
        self.note(&path, "kept as JSON");
        self.patches.push(Patch { path, value });
    }

    /// Reports `path` as expressed through an escape hatch described by `kept`.
    pub(crate) fn note(&mut self, path: &JPath, kept: &str) {
        self.notes.push(Unsupported {
            source: self.source.clone(),
            object: self.object.clone(),
            path: path.to_string(),
            kept: kept.to_owned(),
        });
    }

    /// A point to roll back to when a part turns out not to be expressible after all.
    pub(crate) fn mark(&self) -> (usize, usize) {
        (self.patches.len(), self.notes.len())
    }

    /// Forgets what was kept and reported since `mark`.
    pub(crate) fn rollback(&mut self, mark: (usize, usize)) {
        self.patches.truncate(mark.0);
        self.notes.truncate(mark.1);
    }
}

/// The fields of one part of an object that are still to be expressed.
#[derive(Debug)]
pub(crate) struct Fields {
    map: Map<String, Value>,
    path: JPath,
}

impl Fields {
    /// The fields of `value` at `path`, if it is an object.
    pub(crate) fn of(value: Value, path: JPath) -> Option<Fields> {
        match value {
            Value::Object(map) => Some(Fields { map, path }),
            _ => None,
        }
    }

    /// Where these fields are.
    pub(crate) fn path(&self) -> &JPath {
        &self.path
    }

    /// The place of field `key`.
    pub(crate) fn at(&self, key: &str) -> JPath {
        self.path.key(key)
    }

    /// Whether field `key` is still there.
    pub(crate) fn has(&self, key: &str) -> bool {
        self.map.contains_key(key)
    }

    /// A look at field `key` without taking it.
    pub(crate) fn peek(&self, key: &str) -> Option<&Value> {
        self.map.get(key)
    }

    /// Takes field `key`, whatever it holds.
    pub(crate) fn take(&mut self, key: &str) -> Option<Value> {
        self.map.remove(key)
    }

    /// Puts field `key` back (it is kept as JSON unless taken again).
    pub(crate) fn put(&mut self, key: &str, value: Value) {
        self.map.insert(key.to_owned(), value);
    }

    /// Takes field `key` if `pick` accepts its value.
    fn take_if<T>(&mut self, key: &str, pick: impl FnOnce(&Value) -> Option<T>) -> Option<T> {
        let picked = self.map.get(key).and_then(pick)?;
        self.map.remove(key);
        Some(picked)
    }

    /// Takes string field `key`.
    pub(crate) fn str(&mut self, key: &str) -> Option<String> {
        self.take_if(key, |v| v.as_str().map(str::to_owned))
    }

    /// Takes string field `key` as a Rust literal.
    pub(crate) fn str_lit(&mut self, key: &str) -> Option<String> {
        self.str(key).map(|s| str_lit(&s))
    }

    /// Takes integer field `key` if it fits an `i32`.
    pub(crate) fn i32(&mut self, key: &str) -> Option<i32> {
        self.take_if(key, |v| v.as_i64().and_then(|n| i32::try_from(n).ok()))
    }

    /// Takes boolean field `key`.
    pub(crate) fn bool(&mut self, key: &str) -> Option<bool> {
        self.take_if(key, Value::as_bool)
    }

    /// Takes boolean field `key` if it is `true` (builders that only switch a flag on).
    pub(crate) fn flag(&mut self, key: &str) -> bool {
        self.take_if(key, |v| (v.as_bool() == Some(true)).then_some(()))
            .is_some()
    }

    /// Takes object field `key`.
    pub(crate) fn obj(&mut self, key: &str) -> Option<Fields> {
        let path = self.at(key);
        let value = self.take_if(key, |v| v.is_object().then(|| v.clone()))?;
        Fields::of(value, path)
    }

    /// Takes non-empty list field `key`.
    pub(crate) fn list(&mut self, key: &str) -> Option<Vec<Value>> {
        self.take_if(key, |v| v.as_array().filter(|a| !a.is_empty()).cloned())
    }

    /// Takes non-empty list-of-strings field `key`.
    pub(crate) fn strings(&mut self, key: &str) -> Option<Vec<String>> {
        self.take_if(key, |v| {
            let items = v.as_array().filter(|a| !a.is_empty())?;
            items
                .iter()
                .map(|i| i.as_str().map(str::to_owned))
                .collect()
        })
    }

    /// Takes non-empty string-to-string map field `key`.
    pub(crate) fn string_map(&mut self, key: &str) -> Option<Vec<(String, String)>> {
        self.take_if(key, |v| {
            let map = v.as_object().filter(|m| !m.is_empty())?;
            map.iter()
                .map(|(k, v)| v.as_str().map(|v| (k.clone(), v.to_owned())))
                .collect()
        })
    }

    /// Takes string field `key` if it is a value of the string enum `E`, as Rust code
    /// (`Protocol::Tcp`).
    pub(crate) fn enumeration<E: FromStr + Debug>(
        &mut self,
        key: &str,
        ty: &str,
    ) -> Option<String> {
        self.take_if(key, |v| enum_code::<E>(v.as_str()?, ty))
    }

    /// Takes integer field `key` (seconds) as a `Duration` expression.
    pub(crate) fn seconds(&mut self, key: &str) -> Option<String> {
        self.take_if(key, |v| duration_code(v.as_i64()?))
    }

    /// Takes quantity field `key` as a string literal.
    pub(crate) fn quantity(&mut self, key: &str) -> Option<String> {
        self.str_lit(key)
    }

    /// Keeps every field not taken as JSON.
    pub(crate) fn finish(self, cx: &mut Cx) {
        for (key, value) in self.map {
            cx.keep(self.path.key(&key), value);
        }
    }
}

/// `text` as the Rust value of string enum `E` (`Protocol::Tcp`), if it is one.
pub(crate) fn enum_code<E: FromStr + Debug>(text: &str, ty: &str) -> Option<String> {
    let value = E::from_str(text).ok()?;
    Some(format!("{ty}::{value:?}"))
}

/// A number of seconds as a `Duration` expression, in the largest whole unit.
pub(crate) fn duration_code(seconds: i64) -> Option<String> {
    let n = u32::try_from(seconds).ok()?;
    Some(if n > 0 && n % 3600 == 0 {
        format!("Duration::hours({})", n / 3600)
    } else if n > 0 && n % 60 == 0 {
        format!("Duration::minutes({})", n / 60)
    } else {
        format!("Duration::seconds({n})")
    })
}

/// An argument of a builder call.
#[derive(Debug, Clone)]
pub(crate) enum Arg {
    /// Rust code on one line.
    Code(String),
    /// A nested builder expression.
    Chain(Chain),
    /// A `serde_json::json!` literal.
    Json(Value),
}

/// A builder expression: `head` followed by method calls.
#[derive(Debug, Clone)]
pub(crate) struct Chain {
    head: String,
    calls: Vec<(String, Vec<Arg>)>,
}

impl Chain {
    /// A chain starting with `head` (`Pod::new("web")`).
    pub(crate) fn new(head: impl Into<String>) -> Self {
        Chain {
            head: head.into(),
            calls: Vec::new(),
        }
    }

    /// Whether no method was called yet.
    pub(crate) fn is_bare(&self) -> bool {
        self.calls.is_empty()
    }

    /// Appends `.method(args)`.
    pub(crate) fn call(&mut self, method: &str, args: Vec<Arg>) {
        self.calls.push((method.to_owned(), args));
    }

    /// Appends the calls of `other` (whose head is ignored).
    pub(crate) fn extend(&mut self, other: Chain) {
        self.calls.extend(other.calls);
    }

    /// Appends `.method(code)`.
    pub(crate) fn code(&mut self, method: &str, code: impl Into<String>) {
        self.call(method, vec![Arg::Code(code.into())]);
    }

    /// Appends `.method("text")`.
    pub(crate) fn text(&mut self, method: &str, text: &str) {
        self.code(method, str_lit(text));
    }

    /// Appends `.method("a", "b")`.
    pub(crate) fn pair(&mut self, method: &str, a: &str, b: &str) {
        self.call(method, vec![Arg::Code(str_lit(a)), Arg::Code(str_lit(b))]);
    }

    /// Appends `.method(chain)`.
    pub(crate) fn chain(&mut self, method: &str, chain: Chain) {
        self.call(method, vec![Arg::Chain(chain)]);
    }

    /// The expression, continuation lines indented by `indent` levels.
    pub(crate) fn render(&self, indent: usize) -> String {
        let flat = self.flat();
        if let Some(flat) = flat.filter(|f| f.len() + indent * 4 <= 90) {
            return flat;
        }
        let pad = "    ".repeat(indent + 1);
        let mut out = self.head.clone();
        for (method, args) in &self.calls {
            let args: Vec<String> = args.iter().map(|a| render_arg(a, indent + 1)).collect();
            out.push_str(&format!("\n{pad}.{method}({})", args.join(", ")));
        }
        out
    }

    fn flat(&self) -> Option<String> {
        let mut out = self.head.clone();
        for (method, args) in &self.calls {
            let args: Option<Vec<String>> = args
                .iter()
                .map(|a| match a {
                    Arg::Code(c) => Some(c.clone()),
                    Arg::Chain(c) => c.flat(),
                    Arg::Json(v) => Some(format!("serde_json::json!({})", json_lit(v, 0))),
                })
                .collect();
            out.push_str(&format!(".{method}({})", args?.join(", ")));
        }
        (!out.contains('\n')).then_some(out)
    }
}

fn render_arg(arg: &Arg, indent: usize) -> String {
    match arg {
        Arg::Code(c) => c.clone(),
        Arg::Chain(c) => c.render(indent),
        Arg::Json(v) => format!("serde_json::json!({})", json_lit(v, indent)),
    }
}

/// `["a", "b"]`: a list of string literals.
pub(crate) fn str_array(items: &[String]) -> String {
    let items: Vec<String> = items.iter().map(|s| str_lit(s)).collect();
    format!("[{}]", items.join(", "))
}

/// A port: a number or a quoted name.
pub(crate) fn port_code(value: &Value) -> Option<String> {
    match value {
        Value::Number(n) => n
            .as_i64()
            .and_then(|n| i32::try_from(n).ok())
            .map(|n| n.to_string()),
        Value::String(s) => Some(str_lit(s)),
        _ => None,
    }
}

/// An int-or-percent value (`1`, `"25%"`).
pub(crate) fn int_or_string_code(value: &Value) -> Option<String> {
    port_code(value)
}

impl Fields {
    /// How many fields are left.
    pub(crate) fn len(&self) -> usize {
        self.map.len()
    }

    /// The fields left, in key order.
    pub(crate) fn into_entries(self) -> Vec<(String, Value)> {
        self.map.into_iter().collect()
    }

    /// The fields left as a JSON object.
    pub(crate) fn into_value(self) -> Value {
        Value::Object(self.map)
    }
}

impl Fields {
    /// A copy of the fields left, as a JSON object.
    pub(crate) fn clone_value(&self) -> Value {
        Value::Object(self.map.clone())
    }
}
