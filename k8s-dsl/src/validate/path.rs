use std::fmt;

/// A field path in the API server's notation: `spec.initContainers[0].readinessProbe.httpGet.port`.
///
/// Paths are built by appending: [`FieldPath::field`] adds `.name`, [`FieldPath::index`] adds
/// `[i]`, [`FieldPath::key`] adds `[key]` (for map entries such as labels).
///
/// ```
/// use k8s_dsl::FieldPath;
///
/// let port = FieldPath::root()
///     .field("spec")
///     .field("containers")
///     .index(1)
///     .field("readinessProbe")
///     .field("httpGet")
///     .field("port");
/// assert_eq!(port.as_str(), "spec.containers[1].readinessProbe.httpGet.port");
///
/// let label = FieldPath::parse("metadata.labels").key("app.kubernetes.io/name");
/// assert_eq!(label.to_string(), "metadata.labels[app.kubernetes.io/name]");
/// let below = label.at().field("x").to_path();
/// assert_eq!(below.as_str(), "metadata.labels[app.kubernetes.io/name].x");
/// ```
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
        self.then(Step::Field(name))
    }

    /// This path followed by `[index]`.
    pub fn index(&self, index: usize) -> Self {
        self.then(Step::Index(index))
    }

    /// This path followed by `[key]`, for an entry of a map such as `metadata.labels`.
    pub fn key(&self, key: &str) -> Self {
        self.then(Step::Key(key))
    }

    /// This path followed by `step`.
    fn then(&self, step: Step<'_>) -> Self {
        let mut text = String::with_capacity(self.0.len() + step.len());
        text.push_str(&self.0);
        step.write_to(&mut text);
        FieldPath(text)
    }

    /// The path as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// This path as the start of an [`At`], to walk further fields without copying it.
    pub fn at(&self) -> At<'_> {
        At {
            parent: None,
            step: Step::Text(&self.0),
        }
    }
}

/// Appends the decimal digits of `value` (without `format!`: paths are made in hot loops).
fn push_decimal(text: &mut String, value: usize) {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    let mut rest = value;
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
    text.extend(digits.iter().map(|&d| char::from(d)));
}

/// Something that names a field of an object: an owned [`FieldPath`], or an [`At`] borrowed
/// while a builder walks its object. [`Report`](crate::validate::Report) takes either.
///
/// ```
/// use k8s_dsl::validate::{At, FieldPath, Location};
///
/// let owned = FieldPath::parse("spec.replicas");
/// let spec = At::root().field("spec");
/// let borrowed = spec.field("replicas");
/// assert_eq!(owned.to_field_path(), borrowed.to_field_path());
/// ```
pub trait Location {
    /// The path as the API server prints it.
    fn to_field_path(&self) -> FieldPath;
}

impl Location for FieldPath {
    fn to_field_path(&self) -> FieldPath {
        self.clone()
    }
}

impl<T: Location + ?Sized> Location for &T {
    fn to_field_path(&self) -> FieldPath {
        (**self).to_field_path()
    }
}

impl Location for At<'_> {
    fn to_field_path(&self) -> FieldPath {
        self.to_path()
    }
}

/// A field path while an object is checked: each step borrows its parent instead of copying
/// it, so walking the fields of a valid object allocates nothing; the text is written out
/// (as a [`FieldPath`]) only when something is reported.
///
/// ```
/// use k8s_dsl::validate::{At, FieldPath};
///
/// // Each step borrows the one before it, so each is kept in a variable while in use.
/// let spec = At::root().field("spec");
/// let containers = spec.field("containers");
/// let second = containers.index(1);
/// let ports = second.field("ports");
/// assert_eq!(ports.index(0).to_path().as_str(), "spec.containers[1].ports[0]");
///
/// let metadata = At::root().field("metadata");
/// assert_eq!(metadata.field("labels").key("app").to_string(), "metadata.labels[app]");
///
/// // An owned path continues as an `At`:
/// let template = FieldPath::parse("spec.template");
/// assert_eq!(template.at().field("spec").to_path().as_str(), "spec.template.spec");
/// ```
#[derive(Debug, Clone, Copy)]
pub struct At<'a> {
    parent: Option<&'a At<'a>>,
    step: Step<'a>,
}

/// One step of an [`At`].
#[derive(Debug, Clone, Copy)]
enum Step<'a> {
    /// The object itself.
    Root,
    /// A path given as text (`spec.template`), used as it is.
    Text(&'a str),
    /// `.name`
    Field(&'a str),
    /// `[index]`
    Index(usize),
    /// `[key]`
    Key(&'a str),
}

/// The path of the object itself, which every walk starts from.
static ROOT: At<'static> = At {
    parent: None,
    step: Step::Root,
};

impl At<'static> {
    /// The path of the object itself.
    pub fn root() -> &'static At<'static> {
        &ROOT
    }
}

impl<'a> At<'a> {
    /// This path followed by `.name`.
    pub fn field<'b>(&'b self, name: &'b str) -> At<'b> {
        At {
            parent: Some(self),
            step: Step::Field(name),
        }
    }

    /// This path followed by `[index]`.
    pub fn index(&self, index: usize) -> At<'_> {
        At {
            parent: Some(self),
            step: Step::Index(index),
        }
    }

    /// This path followed by `[key]`, for an entry of a map such as `metadata.labels`.
    pub fn key<'b>(&'b self, key: &'b str) -> At<'b> {
        At {
            parent: Some(self),
            step: Step::Key(key),
        }
    }

    /// The path as an owned [`FieldPath`] (this is where the text is made, in one allocation).
    pub fn to_path(&self) -> FieldPath {
        let mut steps: Vec<Step<'_>> = Vec::with_capacity(8);
        let mut here = Some(self);
        while let Some(at) = here {
            steps.push(at.step);
            here = at.parent;
        }
        let mut text = String::with_capacity(steps.iter().map(|s| s.len()).sum());
        for step in steps.iter().rev() {
            step.write_to(&mut text);
        }
        FieldPath(text)
    }
}

impl Step<'_> {
    /// Appends this step to `text` in the API server's notation: `.name` (no dot at the
    /// start), `[index]`, `[key]`; the root adds nothing.
    fn write_to(&self, text: &mut String) {
        match *self {
            Step::Root => {}
            Step::Text(name) | Step::Field(name) => {
                if !text.is_empty() {
                    text.push('.');
                }
                text.push_str(name);
            }
            Step::Index(index) => {
                text.push('[');
                push_decimal(text, index);
                text.push(']');
            }
            Step::Key(key) => {
                text.push('[');
                text.push_str(key);
                text.push(']');
            }
        }
    }

    /// An upper bound of the bytes this step adds to a path.
    fn len(&self) -> usize {
        match self {
            Step::Root => 0,
            Step::Text(text) | Step::Field(text) | Step::Key(text) => text.len() + 2,
            Step::Index(_) => 22,
        }
    }
}

impl fmt::Display for At<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.to_path(), f)
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
            indexed.at().index(3).field("name").to_path().as_str(),
            "spec.containers[3].name"
        );
        let walked = At::root().field("spec");
        let walked = walked.field("containers");
        assert_eq!(
            walked.index(7).key("a.b/c").to_path(),
            FieldPath::parse("spec.containers[7][a.b/c]")
        );
        assert_eq!(At::root().to_path().to_string(), "<object>");
        assert_eq!(
            indexed.index(usize::MAX).as_str(),
            format!("spec.containers[{}]", usize::MAX)
        );
    }
}
