use std::fmt;

/// A field path in the API server's notation: `spec.initContainers[0].readinessProbe.httpGet.port`.
///
/// Paths are built by appending: [`FieldPath::field`] adds `.name`, [`FieldPath::index`] adds
/// `[i]`, [`FieldPath::key`] adds `[key]` (for map entries such as labels).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FieldPath(String);

impl FieldPath {
    /// The path of the object itself (empty).
    pub fn root() -> Self {
        FieldPath(String::new())
    }

    /// A path of the given dotted text, as the API server prints it.
    pub fn parse(text: &str) -> Self {
        FieldPath(text.to_owned())
    }

    /// This path followed by `.name`.
    pub fn field(&self, name: &str) -> Self {
        let mut text = String::with_capacity(self.0.len() + name.len() + 1);
        text.push_str(&self.0);
        if !text.is_empty() {
            text.push('.');
        }
        text.push_str(name);
        FieldPath(text)
    }

    /// This path followed by `[index]`.
    pub fn index(&self, index: usize) -> Self {
        // Paths are made for every field checked, so this avoids `format!` (a hot path).
        let mut digits = [0u8; 20];
        let mut start = digits.len();
        let mut rest = index;
        loop {
            start -= 1;
            if let Some(slot) = digits.get_mut(start) {
                *slot = b'0' + (rest % 10) as u8;
            }
            rest /= 10;
            if rest == 0 || start == 0 {
                break;
            }
        }
        let digits = digits.get(start..).unwrap_or_default();
        let mut text = String::with_capacity(self.0.len() + digits.len() + 2);
        text.push_str(&self.0);
        text.push('[');
        text.extend(digits.iter().map(|&d| char::from(d)));
        text.push(']');
        FieldPath(text)
    }

    /// This path followed by `[key]`, for an entry of a map such as `metadata.labels`.
    pub fn key(&self, key: &str) -> Self {
        let mut text = String::with_capacity(self.0.len() + key.len() + 2);
        text.push_str(&self.0);
        text.push('[');
        text.push_str(key);
        text.push(']');
        FieldPath(text)
    }

    /// The path as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            f.write_str("<object>")
        } else {
            f.write_str(&self.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_api_server_paths() {
        let path = FieldPath::root()
            .field("spec")
            .field("containers")
            .index(1)
            .field("readinessProbe")
            .field("httpGet")
            .field("port");
        assert_eq!(
            path.as_str(),
            "spec.containers[1].readinessProbe.httpGet.port"
        );
        let label = FieldPath::root()
            .field("metadata")
            .field("labels")
            .key("app");
        assert_eq!(label.to_string(), "metadata.labels[app]");
        assert_eq!(FieldPath::root().to_string(), "<object>");
        let indexed = FieldPath::parse("spec.containers");
        assert_eq!(indexed.index(0).as_str(), "spec.containers[0]");
        assert_eq!(indexed.index(10).as_str(), "spec.containers[10]");
        assert_eq!(
            indexed.index(usize::MAX).as_str(),
            format!("spec.containers[{}]", usize::MAX)
        );
    }
}
