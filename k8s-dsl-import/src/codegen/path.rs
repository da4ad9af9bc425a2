//! A place in an object: field names and list indexes, written as the API server prints it
//! (`spec.containers[0].name`) or as a JSON pointer (`/spec/containers/0/name`).

use std::fmt;

use serde_json::Value;

/// One step of a [`JPath`].
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Key(String),
    Index(usize),
}

/// A place in an object.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct JPath(Vec<Step>);

impl JPath {
    /// The object itself.
    pub(crate) fn root() -> Self {
        JPath(Vec::new())
    }

    /// The field `key` of this place.
    pub(crate) fn key(&self, key: &str) -> Self {
        let mut steps = self.0.clone();
        steps.push(Step::Key(key.to_owned()));
        JPath(steps)
    }

    /// Item `i` of the list at this place.
    pub(crate) fn index(&self, i: usize) -> Self {
        let mut steps = self.0.clone();
        steps.push(Step::Index(i));
        JPath(steps)
    }

    /// Takes the field at this place out of `value` (a place that ends with a field name).
    pub(crate) fn take_from(&self, value: &mut Value) -> Option<Value> {
        let (last, parent) = self.0.split_last()?;
        let mut slot = value;
        for step in parent {
            slot = match step {
                Step::Key(k) => slot.get_mut(k.as_str())?,
                Step::Index(i) => slot.get_mut(*i)?,
            };
        }
        match last {
            Step::Key(k) => slot.as_object_mut()?.remove(k),
            Step::Index(_) => None,
        }
    }

    /// The JSON pointer (RFC 6901) of this place.
    pub(crate) fn pointer(&self) -> String {
        self.0
            .iter()
            .map(|step| match step {
                Step::Key(k) => format!("/{}", k.replace('~', "~0").replace('/', "~1")),
                Step::Index(i) => format!("/{i}"),
            })
            .collect()
    }
}

impl fmt::Display for JPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, step) in self.0.iter().enumerate() {
            match step {
                Step::Key(k) if is_plain(k) => {
                    if n > 0 {
                        f.write_str(".")?;
                    }
                    f.write_str(k)?;
                }
                Step::Key(k) => write!(f, "[{k:?}]")?,
                Step::Index(i) => write!(f, "[{i}]")?,
            }
        }
        Ok(())
    }
}

fn is_plain(key: &str) -> bool {
    !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_print_like_the_api_server_and_as_pointers() {
        let path = JPath::root()
            .key("spec")
            .key("containers")
            .index(0)
            .key("a/b~");
        assert_eq!(path.to_string(), "spec.containers[0][\"a/b~\"]");
        assert_eq!(path.pointer(), "/spec/containers/0/a~1b~0");
    }
}
