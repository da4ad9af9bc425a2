//! `--macros`: the same walk as the builder code, printed as `pod!`, `job!`, `cronjob!`,
//! `deployment!` or `statefulset!`.
//!
//! The walk ([`super::pod`], [`super::workload`], ...) decides everything: which fields are
//! kept as JSON (set afterwards by `with_fields`, as for builder code) and the role of each
//! container. This module only prints what the walk expressed, in macro syntax: the object
//! without the fields kept as JSON, each key in the form [`keys`] gives it, each container in
//! the list of its role. Every field the macro has no key for (or value or combination of
//! keys it cannot write exactly) is returned, with its path, as the reason to write builder
//! code instead.
//!
//! The keys are the macros' own table, `k8s_dsl_syntax::keys`: each row says where its value
//! sits in the manifest ([`syntax::Key::path`]), the kind of value it takes and the builder
//! method it becomes (which names the list of a container's role). A key added there is
//! printed here with no other edit.

mod form;
mod layout;

use std::cell::RefCell;

use k8s_dsl_syntax::keys::{self as syntax, At, Key, Spec};
use serde_json::{Map, Value};

use super::fields::Cx;
use super::path::JPath;
use crate::kinds::Kind;
use crate::rust::str_lit;
use form::Form;
use layout::Node;

/// A macro call: its name and its body.
#[derive(Debug)]
pub(crate) struct Macro {
    name: &'static str,
    body: Vec<(String, Node)>,
}

impl Macro {
    /// `k8s_dsl::pod! { ... }`, the body laid out for a call at `indent` levels.
    pub(crate) fn render(&self, indent: usize) -> String {
        format!(
            "k8s_dsl::{}! {}",
            self.name,
            layout::entries(&self.body, indent)
        )
    }
}

/// The macro of a kind and its keys, if it has one.
pub(crate) fn macro_of(kind: Kind) -> Option<(&'static str, &'static Spec)> {
    match kind {
        Kind::Pod => Some(("pod", &syntax::POD)),
        Kind::Job => Some(("job", &syntax::JOB)),
        Kind::CronJob => Some(("cronjob", &syntax::CRONJOB)),
        Kind::Deployment => Some(("deployment", &syntax::DEPLOYMENT)),
        Kind::StatefulSet => Some(("statefulset", &syntax::STATEFULSET)),
        _ => None,
    }
}

/// The object (as the walk saw it, `value`) as a macro call, or every reason (with its path)
/// why it must stay builder code.
pub(crate) fn object(kind: Kind, value: &Value, cx: &Cx) -> Result<Macro, Vec<String>> {
    let Some((name, spec)) = macro_of(kind) else {
        return Err(vec![format!("`{}` has no macro", kind.name())]);
    };
    let mut value = value.clone();
    for patch in &cx.patches {
        patch.path.take_from(&mut value);
    }
    if let Some(map) = value.as_object_mut() {
        map.remove("apiVersion");
        map.remove("kind");
    }
    let printer = Printer {
        name,
        roles: &cx.roles,
        problems: RefCell::new(Vec::new()),
    };
    let body = printer.block(spec, value, &JPath::root());
    let problems = printer.problems.into_inner();
    match body {
        Ok(body) if problems.is_empty() => Ok(Macro { name, body }),
        Ok(_) => Err(problems),
        Err(why) => Err(problems.into_iter().chain([why]).collect()),
    }
}

/// Prints one object; a key that cannot be printed is recorded in `problems` and the rest
/// printed still, so that every such field is named.
struct Printer<'a> {
    name: &'static str,
    roles: &'a [(JPath, &'static str)],
    problems: RefCell<Vec<String>>,
}

impl Printer<'_> {
    fn no_key(&self, path: &JPath) -> String {
        format!("`{}!` has no key for `{path}`", self.name)
    }

    fn no_value(&self, path: &JPath) -> String {
        format!("`{}!` cannot take the value of `{path}`", self.name)
    }

    /// A list without items: the macros write nothing for it, not `[]`.
    fn empty(&self, path: &JPath) -> String {
        format!("`{}!` cannot write the empty list `{path}`", self.name)
    }

    /// The entries of a block, in the order of its keys.
    fn block(
        &self,
        spec: &'static Spec,
        value: Value,
        path: &JPath,
    ) -> Result<Vec<(String, Node)>, String> {
        let Value::Object(mut object) = value else {
            return Err(self.no_value(path));
        };
        self.one_of(spec, &object, path);
        // The block's object and the parts of it its keys are read from, in that order.
        let mut parts: Vec<(At, Map<String, Value>, JPath)> = Vec::new();
        for (at, field) in [(At::Metadata, "metadata"), (At::Spec, "spec")] {
            if !spec.keys().any(|k| k.at == at) {
                continue;
            }
            let here = path.key(field);
            let fields = match object.remove(field) {
                None => Map::new(),
                Some(Value::Object(fields)) => fields,
                Some(_) => return Err(self.no_value(&here)),
            };
            parts.push((at, fields, here));
        }
        parts.push((At::Object, object, path.clone()));
        let mut entries = Vec::new();
        let mut missing: Vec<(At, String)> = Vec::new();
        let mut read: Vec<(At, &str)> = Vec::new();
        for key in spec.keys() {
            let Some((_, fields, at)) = parts.iter_mut().find(|(at, ..)| *at == key.at) else {
                continue;
            };
            let here = at.key(key.field);
            // Several keys read one field (the container roles): the first takes it all.
            if read.contains(&(key.at, key.field)) {
                continue;
            }
            match fields.remove(key.field) {
                Some(value) => {
                    read.push((key.at, key.field));
                    match self.entry(spec, key, value, &here) {
                        Ok(written) => entries.extend(written),
                        Err(why) => self.problems.borrow_mut().push(why),
                    }
                }
                None if key.required => {
                    missing.push((key.at, format!("`{}!` requires `{here}`", self.name)));
                }
                None => {}
            }
        }
        let mut problems = self.problems.borrow_mut();
        for (at, fields, here) in &parts {
            // A required key is missing only when no field without a key explains it.
            if fields.is_empty() {
                problems.extend(
                    missing
                        .iter()
                        .filter(|(m, _)| m == at)
                        .map(|(_, w)| w.clone()),
                );
            }
            problems.extend(fields.keys().map(|left| self.no_key(&here.key(left))));
        }
        Ok(entries)
    }

    /// The one-of constraints of `spec` on the fields of `object`: more than one, or none of
    /// a required set (unless a field without a key explains it), is a problem.
    fn one_of(&self, spec: &Spec, object: &Map<String, Value>, path: &JPath) {
        for one_of in spec.one_of {
            let given = one_of
                .keys
                .iter()
                .filter(|k| object.contains_key(**k))
                .count();
            // None given, next to a field without a key (`nfs`): that field is the reason.
            let known = |k: &String| {
                spec.keys()
                    .any(|key| key.at == At::Object && key.field == k)
            };
            let unexplained = object.keys().all(known);
            if given > 1 || (one_of.required && given == 0 && unexplained) {
                let keys: Vec<String> = one_of.keys.iter().map(|k| format!("`{k}`")).collect();
                let how = if one_of.required {
                    "exactly"
                } else {
                    "at most"
                };
                self.problems.borrow_mut().push(format!(
                    "`{}!` takes {how} one of {} at `{path}`",
                    self.name,
                    keys.join(", ")
                ));
            }
        }
    }

    /// The entries of one key (one, except for container lists: one a role).
    fn entry(
        &self,
        spec: &'static Spec,
        key: &'static Key,
        value: Value,
        path: &JPath,
    ) -> Result<Vec<(String, Node)>, String> {
        match Form::of(key) {
            Form::Containers => self.containers(spec, key.field, value, path),
            form => Ok(vec![(key.name.to_owned(), self.value(form, value, path)?)]),
        }
    }

    fn value(&self, form: Form, value: Value, path: &JPath) -> Result<Node, String> {
        let is_list = matches!(
            form,
            Form::StrList | Form::IntList | Form::Names | Form::Blocks(_) | Form::Projections(_)
        );
        if is_list && value.as_array().is_some_and(Vec::is_empty) {
            return Err(self.empty(path));
        }
        let atom = match (form, &value) {
            (Form::Str, Value::String(s)) => str_lit(s),
            (Form::Int, Value::Number(n)) if n.as_u64().is_some() => n.to_string(),
            (Form::Signed, Value::Number(n)) if n.as_i64().is_some() => n.to_string(),
            (Form::Mode, Value::Number(n)) if n.as_u64().is_some() => {
                format!("0o{:o}", n.as_u64().unwrap_or_default())
            }
            (Form::Bool, Value::Bool(b)) => b.to_string(),
            (Form::Duration, Value::Number(n)) if n.as_u64().is_some() => {
                duration(n.as_u64().unwrap_or_default())
            }
            (Form::Enum(kind), Value::String(s)) if form::is_value(kind, s) && is_ident(s) => {
                s.clone()
            }
            (Form::Port | Form::Quantity | Form::IntOrPercent, Value::Number(n)) => n.to_string(),
            (Form::Port | Form::Quantity | Form::IntOrPercent, Value::String(s)) => str_lit(s),
            (Form::StrList, Value::Array(items)) => {
                let items = items
                    .iter()
                    .map(|i| i.as_str().map(|s| Node::Atom(str_lit(s))))
                    .collect::<Option<Vec<Node>>>();
                return items.map(Node::List).ok_or_else(|| self.no_value(path));
            }
            (Form::IntList, Value::Array(items)) => {
                let items = items
                    .iter()
                    .map(|i| i.as_u64().map(|n| Node::Atom(n.to_string())))
                    .collect::<Option<Vec<Node>>>();
                return items.map(Node::List).ok_or_else(|| self.no_value(path));
            }
            (Form::Names, Value::Array(items)) => {
                let items = items
                    .iter()
                    .map(|i| {
                        let map = i.as_object().filter(|m| m.len() == 1)?;
                        Some(Node::Atom(str_lit(map.get("name")?.as_str()?)))
                    })
                    .collect::<Option<Vec<Node>>>();
                return items.map(Node::List).ok_or_else(|| self.no_value(path));
            }
            (Form::Map, Value::Object(map)) => {
                let entries = map
                    .iter()
                    .map(|(k, v)| Some((map_key(k), Node::Atom(str_lit(v.as_str()?)))))
                    .collect::<Option<Vec<_>>>();
                return entries.map(Node::Block).ok_or_else(|| self.no_value(path));
            }
            (Form::Block(spec), Value::Object(_)) => {
                return self.block(spec, value, path).map(Node::Block);
            }
            (Form::Projections(spec), Value::Array(items)) => {
                let downward = |i: &Value| i.get("downwardAPI").is_some();
                let merged = items.windows(2).position(|pair| pair.iter().all(downward));
                if let Some(i) = merged {
                    return Err(format!(
                        "`{}!` writes consecutive `downwardAPI` sources as one (`{}`)",
                        self.name,
                        path.index(i + 1)
                    ));
                }
                return self.value(Form::Blocks(spec), value, path);
            }
            (Form::Blocks(spec), Value::Array(_)) => {
                let Value::Array(items) = value else {
                    return Err(self.no_value(path));
                };
                let items = items
                    .into_iter()
                    .enumerate()
                    .map(|(i, item)| self.block(spec, item, &path.index(i)).map(Node::Block))
                    .collect::<Result<Vec<Node>, String>>()?;
                return Ok(Node::List(items));
            }
            _ => return Err(self.no_value(path)),
        };
        Ok(Node::Atom(atom))
    }

    /// The container list `field` of the manifest as one macro list a role, in order: the
    /// roles the walk gave (as builder methods), each the list of `spec` whose row calls it.
    fn containers(
        &self,
        spec: &'static Spec,
        field: &str,
        value: Value,
        path: &JPath,
    ) -> Result<Vec<(String, Node)>, String> {
        let init = field == "initContainers";
        let Value::Array(items) = value else {
            return Err(self.no_value(path));
        };
        let mut lists: Vec<(&str, Vec<Node>)> = Vec::new();
        for (i, item) in items.into_iter().enumerate() {
            let here = path.index(i);
            let method = self
                .roles
                .iter()
                .find(|(at, _)| *at == here)
                .map_or("container", |(_, method)| *method);
            let list = spec
                .keys()
                .find(|k| {
                    matches!(Form::of(k), Form::Containers) && k.call == syntax::Call::Each(method)
                })
                .map(|k| k.name)
                .ok_or_else(|| self.no_key(&here))?;
            let mut item = item;
            // A native sidecar's `restartPolicy: Always` is what its list says.
            if init && list != "initContainers" {
                if let Some(map) = item.as_object_mut() {
                    map.remove("restartPolicy");
                }
            }
            let block = Node::Block(self.block(&syntax::CONTAINER, item, &here)?);
            let same = lists.last().is_some_and(|(last, _)| *last == list);
            let seen = lists.iter().any(|(l, _)| *l == list);
            match lists.last_mut() {
                Some((_, blocks)) if same => blocks.push(block),
                _ if seen => {
                    return Err(format!(
                        "`{}!` writes each container role as one list, and the roles in `{path}` alternate (at `{here}`)",
                        self.name
                    ));
                }
                _ => lists.push((list, vec![block])),
            }
        }
        if !init && !lists.iter().any(|(l, _)| *l == "containers") {
            return Err(format!(
                "`{}!` requires `containers`, and every container of `{path}` has another role",
                self.name
            ));
        }
        Ok(lists
            .into_iter()
            .map(|(list, blocks)| (list.to_owned(), Node::List(blocks)))
            .collect())
    }
}

/// Seconds with units, as the macros write durations (`90` → `1m30s`, `0` → `0s`).
fn duration(seconds: u64) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    let mut out = String::new();
    for (n, unit) in [(h, 'h'), (m, 'm'), (s, 's')] {
        if n > 0 {
            out.push_str(&format!("{n}{unit}"));
        }
    }
    if out.is_empty() {
        out.push_str("0s");
    }
    out
}

/// Whether `text` can be written bare (an identifier).
fn is_ident(text: &str) -> bool {
    let mut chars = text.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && text != "_"
}

/// A map key: bare when it is an identifier, else quoted (`"app.kubernetes.io/name"`).
fn map_key(key: &str) -> String {
    if is_ident(key) {
        key.to_owned()
    } else {
        str_lit(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_are_written_with_units() {
        assert_eq!(duration(0), "0s");
        assert_eq!(duration(90), "1m30s");
        assert_eq!(duration(5400), "1h30m");
        assert_eq!(duration(3601), "1h1s");
    }

    #[test]
    fn map_keys_are_bare_only_when_they_are_identifiers() {
        assert_eq!(map_key("app"), "app");
        assert_eq!(
            map_key("app.kubernetes.io/name"),
            "\"app.kubernetes.io/name\""
        );
        assert_eq!(map_key("9lives"), "\"9lives\"");
        assert_eq!(map_key("_"), "\"_\"");
    }
}
