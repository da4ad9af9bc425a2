//! Container image references (rule 14).
//!
//! The API server only requires `image` to be set and, for Pods, free of surrounding
//! whitespace (`validateContainerCommon`, `validateContainerOnlyForPod`). The kubelet and
//! the container runtime then parse it with the grammar of the distribution `reference`
//! package; a reference that does not parse never starts. This module applies that grammar:
//!
//! ```text
//! reference        := name [ ":" tag ] [ "@" digest ]
//! name             := [domain '/'] path-component ['/' path-component]*
//! domain           := host [':' port-number]
//! host             := domain-name | IPv4address | '[' IPv6address ']'
//! domain-component := /([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])/
//! path-component   := alpha-numeric [separator alpha-numeric]*
//! alpha-numeric    := /[a-z0-9]+/
//! separator        := /[_.]|__|[-]+/
//! tag              := /[\w][\w.-]{0,127}/
//! digest           := algorithm ":" hex     (sha256: 64, sha384: 96, sha512: 128 hex digits)
//! ```
//!
//! The first `/`-separated component is a registry when it contains `.` or `:`, is
//! `localhost`, or has an uppercase letter (`splitDockerDomain`); the whole name is at most
//! 255 characters (`NameTotalLengthMax`).
//!
//! ```
//! use k8s_dsl_rules::image;
//!
//! let web = image::parse("ghcr.io/acme/web:1.4.2")?;
//! assert_eq!(web.registry(), Some("ghcr.io"));
//! assert_eq!(web.tag(), Some("1.4.2"));
//! assert_eq!(image::parse("nginx:").unwrap_err().rule, 14);
//! # Ok::<(), k8s_dsl_rules::Violation>(())
//! ```

use std::fmt;
use std::str::FromStr;

use super::{shown, Checked, Violation};

/// The longest repository name, registry included (`NameTotalLengthMax`).
///
/// ```
/// use k8s_dsl_rules::image::{parse, NAME_MAX};
///
/// assert!(parse(&"a".repeat(NAME_MAX)).is_ok());
/// assert!(parse(&"a".repeat(NAME_MAX + 1)).is_err());
/// ```
pub const NAME_MAX: usize = 255;
/// The longest tag.
///
/// ```
/// use k8s_dsl_rules::image::{parse, TAG_MAX};
///
/// assert!(parse(&format!("nginx:{}", "1".repeat(TAG_MAX))).is_ok());
/// assert!(parse(&format!("nginx:{}", "1".repeat(TAG_MAX + 1))).is_err());
/// ```
pub const TAG_MAX: usize = 128;

/// A parsed image reference such as `ghcr.io/acme/web:1.4.2` or `nginx@sha256:…`.
///
/// ```
/// use k8s_dsl_rules::image::Image;
///
/// let image = Image::parse("localhost:5000/team/api:2.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")?;
/// assert_eq!(image.registry(), Some("localhost:5000"));
/// assert_eq!(image.repository(), "team/api");
/// assert_eq!(image.tag(), Some("2.0"));
/// assert!(image.digest().is_some_and(|d| d.starts_with("sha256:")));
/// assert!(image.warnings().is_empty()); // pinned by digest
///
/// let hub = Image::parse("nginx")?;
/// assert_eq!((hub.registry(), hub.repository(), hub.as_str()), (None, "nginx", "nginx"));
/// assert_eq!(hub.warnings(), ["image `nginx` has no tag; pin a version"]);
/// assert_eq!(Image::parse(" nginx").unwrap_err().rule, 14);
/// # Ok::<(), k8s_dsl_rules::Violation>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Image {
    /// The reference as written; the parts below are byte ranges of it (one allocation).
    text: String,
    registry: Option<Part>,
    repository: Part,
    tag: Option<Part>,
    digest: Option<Part>,
}

/// Where a part of an image reference lies in its text: a byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Part {
    start: usize,
    end: usize,
}

impl Part {
    /// The range of `part`, a slice of `text`.
    fn of(text: &str, part: &str) -> Part {
        let start = (part.as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
        Part {
            start,
            end: start + part.len(),
        }
    }

    /// The part in `text`.
    fn in_text(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or_default()
    }
}

fn fail(message: String, fix: impl Into<String>) -> Violation {
    Violation::new(14, message, fix)
}

/// `domain-component`: alphanumerics with inner `-`.
fn is_domain_component(part: &str) -> bool {
    !part.is_empty()
        && part.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && !part.starts_with('-')
        && !part.ends_with('-')
}

fn check_registry(image: &str, registry: &str) -> Checked {
    let invalid = |why: &str| {
        Err(fail(
            format!(
                "image {} has an invalid registry {}: {why}",
                shown(image),
                shown(registry)
            ),
            "write the registry as a host name with an optional port, such as `registry.example.com:5000`",
        ))
    };
    let (host, port) = if let Some(inner) = registry.strip_prefix('[') {
        let Some((v6, after)) = inner.split_once(']') else {
            return invalid("`[` without `]`");
        };
        if v6.is_empty() || !v6.bytes().all(|b| b.is_ascii_hexdigit() || b == b':') {
            return invalid("not an IPv6 address");
        }
        match after {
            "" => (None, None),
            _ => match after.strip_prefix(':') {
                Some(port) => (None, Some(port)),
                None => return invalid("unexpected text after `]`"),
            },
        }
    } else {
        match registry.split_once(':') {
            Some((host, port)) => (Some(host), Some(port)),
            None => (Some(registry), None),
        }
    };
    if let Some(host) = host {
        if host.is_empty() || !host.split('.').all(is_domain_component) {
            return invalid("each dot-separated part must be letters, digits and inner `-`");
        }
    }
    if let Some(port) = port {
        if port.is_empty() || !port.bytes().all(|b| b.is_ascii_digit()) {
            return invalid("the port must be a number");
        }
    }
    Ok(())
}

/// Checks one `path-component`: lowercase alphanumerics joined by `.`, `_`, `__` or `-`s.
fn check_path_component(image: &str, part: &str) -> Checked {
    if part.is_empty() {
        return Err(fail(
            format!("image {} has an empty path component", shown(image)),
            "remove the extra `/`",
        ));
    }
    if part.chars().any(char::is_uppercase) {
        let lower = part.to_lowercase();
        return Err(fail(
            format!(
                "image repository {} must be lowercase (in {})",
                shown(part),
                shown(image)
            ),
            format!("use {}", shown(&lower)),
        ));
    }
    for c in part.chars() {
        if !(c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-')) {
            return Err(fail(
                format!(
                    "image {} may not contain {} in its repository",
                    shown(image),
                    shown(c.encode_utf8(&mut [0; 4]))
                ),
                "use lowercase letters, digits, `.`, `_` and `-`",
            ));
        }
    }
    let bytes = part.as_bytes();
    let is_sep = |b: u8| matches!(b, b'.' | b'_' | b'-');
    if bytes.first().copied().is_some_and(is_sep) || bytes.last().copied().is_some_and(is_sep) {
        return Err(fail(
            format!(
                "image repository part {} must start and end with a letter or digit (in {})",
                shown(part),
                shown(image)
            ),
            "remove the leading or trailing separator",
        ));
    }
    // Each run of separators is `.`, `_`, `__` or one or more `-`.
    let mut run_start = None;
    for (i, &b) in bytes.iter().enumerate() {
        match (is_sep(b), run_start) {
            (true, None) => run_start = Some(i),
            (false, Some(start)) => {
                let run = part.get(start..i).unwrap_or("");
                let ok = matches!(run, "." | "_" | "__") || run.bytes().all(|b| b == b'-');
                if !ok {
                    return Err(fail(
                        format!(
                            "image repository part {} has the separator {} (in {})",
                            shown(part),
                            shown(run),
                            shown(image)
                        ),
                        "separate words with one `.`, one or two `_`, or `-`",
                    ));
                }
                run_start = None;
            }
            _ => {}
        }
    }
    Ok(())
}

fn check_tag(image: &str, tag: &str) -> Checked {
    let word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    if tag.is_empty() {
        return Err(fail(
            format!("image {} has an empty tag after `:`", shown(image)),
            "remove the `:` or add a tag such as `:1.0`",
        ));
    }
    if let Some(c) = tag.chars().find(|&c| !(word(c) || c == '.' || c == '-')) {
        return Err(fail(
            format!(
                "image tag {} may not contain {}",
                shown(tag),
                shown(c.encode_utf8(&mut [0; 4]))
            ),
            "use letters, digits, `_`, `.` and `-` in tags",
        ));
    }
    if !tag.chars().next().is_some_and(word) {
        return Err(fail(
            format!(
                "image tag {} must start with a letter, digit or `_`",
                shown(tag)
            ),
            "remove the leading `.` or `-`",
        ));
    }
    if tag.len() > TAG_MAX {
        return Err(fail(
            format!(
                "image tag {} is {} characters long; the limit is {TAG_MAX}",
                shown(tag),
                tag.len()
            ),
            format!("shorten the tag to {TAG_MAX} characters or fewer"),
        ));
    }
    Ok(())
}

fn check_digest(image: &str, digest: &str) -> Checked {
    let Some((algorithm, hex)) = digest.split_once(':') else {
        return Err(fail(
            format!(
                "image digest {} has no algorithm (in {})",
                shown(digest),
                shown(image)
            ),
            "write the digest as `sha256:` followed by 64 hex digits",
        ));
    };
    let expected = match algorithm {
        "sha256" => 64,
        "sha384" => 96,
        "sha512" => 128,
        _ => {
            return Err(fail(
                format!(
                    "image digest algorithm {} is not supported (in {})",
                    shown(algorithm),
                    shown(image)
                ),
                "use a `sha256:` digest",
            ))
        }
    };
    if let Some(c) = hex
        .chars()
        .find(|c| !(c.is_ascii_digit() || ('a'..='f').contains(c)))
    {
        return Err(fail(
            format!(
                "image digest {} may not contain {}",
                shown(digest),
                shown(c.encode_utf8(&mut [0; 4]))
            ),
            "use lowercase hex digits `0-9a-f`",
        ));
    }
    if hex.len() != expected {
        return Err(fail(
            format!(
                "image digest {} has {} hex digits; {algorithm} needs {expected}",
                shown(digest),
                hex.len()
            ),
            "copy the full digest from the registry",
        ));
    }
    Ok(())
}

impl Image {
    /// Parses an image reference (rule 14): required, no whitespace, and the distribution
    /// reference grammar.
    pub fn parse(text: &str) -> Checked<Image> {
        // rule 14, validateContainerCommon / validateContainerOnlyForPod
        if text.is_empty() {
            return Err(fail(
                "image is required".to_string(),
                "set an image such as `nginx:1.27`",
            ));
        }
        if text.chars().any(char::is_whitespace) {
            let trimmed = text.trim();
            let fix = if trimmed != text && !trimmed.chars().any(char::is_whitespace) {
                format!("use {}", shown(trimmed))
            } else {
                "remove the whitespace".to_string()
            };
            let place = if trimmed == text {
                "contains whitespace"
            } else {
                "has leading or trailing whitespace"
            };
            return Err(fail(format!("image {} {place}", shown(text)), fix));
        }
        let (rest, digest) = match text.split_once('@') {
            Some((rest, digest)) => (rest, Some(digest)),
            None => (text, None),
        };
        if let Some(digest) = digest {
            check_digest(text, digest)?;
        }
        // A `:` after the last `/` starts the tag; before it, it is a registry port.
        let last_slash = rest.rfind('/').map_or(0, |i| i + 1);
        let (name, tag) = match rest.rfind(':') {
            Some(colon) if colon >= last_slash => (
                rest.get(..colon).unwrap_or(""),
                Some(rest.get(colon + 1..).unwrap_or("")),
            ),
            _ => (rest, None),
        };
        if name.is_empty() {
            return Err(fail(
                format!("image {} has no repository name", shown(text)),
                "name the image before the tag or digest, such as `nginx:1.27`",
            ));
        }
        if let Some(tag) = tag {
            check_tag(text, tag)?;
        }
        let (registry, repository) = match name.split_once('/') {
            Some((first, rest))
                if first.contains(['.', ':'])
                    || first == "localhost"
                    || first.chars().any(|c| c.is_ascii_uppercase()) =>
            {
                (Some(first), rest)
            }
            _ => (None, name),
        };
        if let Some(registry) = registry {
            check_registry(text, registry)?;
        }
        for part in repository.split('/') {
            check_path_component(text, part)?;
        }
        if name.len() > NAME_MAX {
            return Err(fail(
                format!(
                    "image name {} is {} characters long; the limit is {NAME_MAX}",
                    shown(name),
                    name.len()
                ),
                format!("shorten the repository name to {NAME_MAX} characters or fewer"),
            ));
        }
        let part = |p: &str| Part::of(text, p);
        Ok(Image {
            registry: registry.map(part),
            repository: part(repository),
            tag: tag.map(part),
            digest: digest.map(part),
            text: text.to_string(),
        })
    }

    /// The registry as written (`ghcr.io`, `localhost:5000`), or `None` for Docker Hub.
    pub fn registry(&self) -> Option<&str> {
        self.registry.map(|p| p.in_text(&self.text))
    }

    /// The repository path without the registry (`acme/web`, `nginx`).
    pub fn repository(&self) -> &str {
        self.repository.in_text(&self.text)
    }

    /// The tag (`1.27`), if any.
    pub fn tag(&self) -> Option<&str> {
        self.tag.map(|p| p.in_text(&self.text))
    }

    /// The digest (`sha256:…`), if any.
    pub fn digest(&self) -> Option<&str> {
        self.digest.map(|p| p.in_text(&self.text))
    }

    /// The reference as written.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Warnings for references that are valid but not reproducible: no tag, or `latest`,
    /// without a digest.
    pub fn warnings(&self) -> Vec<String> {
        if self.digest.is_some() {
            return Vec::new();
        }
        match self.tag() {
            None => vec![format!(
                "image {} has no tag; pin a version",
                shown(&self.text)
            )],
            Some("latest") => vec![format!(
                "image {} uses the `latest` tag; pin a version",
                shown(&self.text)
            )],
            Some(_) => Vec::new(),
        }
    }
}

/// Parses an image reference; the same as [`Image::parse`].
///
/// ```
/// use k8s_dsl_rules::image;
///
/// assert_eq!(image::parse("busybox:1.36")?.tag(), Some("1.36"));
/// assert_eq!(image::parse("Busybox").unwrap_err().rule, 14); // repositories are lowercase
/// # Ok::<(), k8s_dsl_rules::Violation>(())
/// ```
pub fn parse(text: &str) -> Checked<Image> {
    Image::parse(text)
}

impl FromStr for Image {
    type Err = Violation;

    fn from_str(s: &str) -> Result<Self, Violation> {
        Image::parse(s)
    }
}

impl fmt::Display for Image {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    const SHA: &str = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    #[test]
    fn rule_14_image_parts() {
        let i = Image::parse("nginx").unwrap();
        assert_eq!(
            (i.registry(), i.repository(), i.tag(), i.digest()),
            (None, "nginx", None, None)
        );
        let i = Image::parse("ghcr.io/acme/web:1.4.2").unwrap();
        assert_eq!(
            (i.registry(), i.repository(), i.tag()),
            (Some("ghcr.io"), "acme/web", Some("1.4.2"))
        );
        let i = Image::parse("localhost:5000/app:dev").unwrap();
        assert_eq!(
            (i.registry(), i.repository(), i.tag()),
            (Some("localhost:5000"), "app", Some("dev"))
        );
        let i = Image::parse("localhost/app").unwrap();
        assert_eq!(i.registry(), Some("localhost"));
        let i = Image::parse("library/nginx:1.27").unwrap();
        assert_eq!((i.registry(), i.repository()), (None, "library/nginx"));
        let i = Image::parse(&format!("nginx:1.27@{SHA}")).unwrap();
        assert_eq!(i.tag(), Some("1.27"));
        assert_eq!(i.digest(), Some(SHA));
        let i = Image::parse(&format!("registry.k8s.io/pause@{SHA}")).unwrap();
        assert_eq!(i.tag(), None);
        let i = Image::parse("[::1]:5000/app:v1").unwrap();
        assert_eq!(i.registry(), Some("[::1]:5000"));
        let i = Image::parse("Registry/app").unwrap();
        assert_eq!(i.registry(), Some("Registry"));
        assert_eq!(i.to_string(), "Registry/app");
        assert!(Image::parse("a__b/c-d--e/f.g_h:tag_1.0-x").is_ok());
        assert!(Image::parse("123.45.67.89:443/x").is_ok());
    }

    #[test]
    fn rule_14_image_required_and_whitespace() {
        let e = Image::parse("").unwrap_err();
        assert_eq!((e.rule, e.message.as_str()), (14, "image is required"));
        let e = Image::parse(" nginx:1.27 ").unwrap_err();
        assert_eq!(
            e.message,
            "image ` nginx:1.27 ` has leading or trailing whitespace"
        );
        assert_eq!(e.fix, "use `nginx:1.27`");
        let e = Image::parse("nginx :1.27").unwrap_err();
        assert_eq!(e.message, "image `nginx :1.27` contains whitespace");
        assert!(Image::parse("nginx\t").is_err());
        assert!(Image::parse("nginx\u{a0}").is_err());
    }

    #[test]
    fn rule_14_image_repository_must_be_lowercase() {
        let e = Image::parse("acme/MyApp:1").unwrap_err();
        assert_eq!(
            e.message,
            "image repository `MyApp` must be lowercase (in `acme/MyApp:1`)"
        );
        assert_eq!(e.fix, "use `myapp`");
        assert!(Image::parse("MyApp").is_err());
    }

    #[test]
    fn rule_14_image_bad_repository() {
        for bad in [
            "a//b",
            "/a",
            "a/",
            "-a",
            "a-",
            "a..b",
            "a._b",
            "a___b",
            "a/b c",
            "ä",
            "a:b/c:d/e",
            ":tag",
            "@sha256:x",
            "a+b",
        ] {
            assert!(Image::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn rule_14_image_bad_registry() {
        for bad in [
            "-reg.io/a",
            "reg.io:/a",
            "reg.io:abc/a",
            "[zz]/a",
            "[::1/a",
            "reg..io/a",
            "re_g.io/a",
        ] {
            assert!(Image::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn rule_14_image_tags() {
        assert!(Image::parse(&format!("a:{}", "t".repeat(128))).is_ok());
        let e = Image::parse(&format!("a:{}", "t".repeat(129))).unwrap_err();
        assert!(e
            .message
            .ends_with("is 129 characters long; the limit is 128"));
        assert!(Image::parse("a:").is_err());
        assert!(Image::parse("a:.x").is_err());
        assert!(Image::parse("a:-x").is_err());
        assert!(Image::parse("a:_x").is_ok());
        assert!(Image::parse("a:x+y").is_err());
        assert!(Image::parse("a:1:2").is_err());
    }

    #[test]
    fn rule_14_image_digests() {
        assert!(Image::parse("a@sha256:abc").is_err());
        assert!(Image::parse(&format!("a@{}", SHA.to_uppercase())).is_err());
        assert!(Image::parse(&format!("a@{}", SHA.replace("sha256", "md5"))).is_err());
        assert!(Image::parse("a@").is_err());
        assert!(Image::parse(&format!("a@{SHA}@{SHA}")).is_err());
        let sha512 = format!("a@sha512:{}", "f".repeat(128));
        assert!(Image::parse(&sha512).is_ok());
        let e = Image::parse("a@sha256:abc").unwrap_err();
        assert_eq!(
            e.message,
            "image digest `sha256:abc` has 3 hex digits; sha256 needs 64"
        );
    }

    #[test]
    fn rule_14_image_name_length() {
        let name = format!("{}/{}", "a".repeat(127), "b".repeat(127));
        assert_eq!(name.len(), 255);
        assert!(Image::parse(&name).is_ok());
        let e = Image::parse(&format!("{name}c")).unwrap_err();
        assert!(e
            .message
            .contains("is 256 characters long; the limit is 255"));
    }

    #[test]
    fn rule_14_image_one_megabyte_gives_an_error_not_a_panic() {
        assert!(Image::parse(&"a".repeat(1 << 20)).is_err());
        assert!(Image::parse(&"a/".repeat(1 << 19)).is_err());
        assert!(Image::parse(&format!("a:{}", "1".repeat(1 << 20))).is_err());
        assert!(Image::parse(&"-".repeat(1 << 20)).is_err());
    }

    #[test]
    fn image_warnings() {
        assert_eq!(
            Image::parse("nginx").unwrap().warnings(),
            vec!["image `nginx` has no tag; pin a version".to_string()]
        );
        assert_eq!(
            Image::parse("nginx:latest").unwrap().warnings(),
            vec!["image `nginx:latest` uses the `latest` tag; pin a version".to_string()]
        );
        assert!(Image::parse("nginx:1.27").unwrap().warnings().is_empty());
        assert!(Image::parse(&format!("nginx:latest@{SHA}"))
            .unwrap()
            .warnings()
            .is_empty());
        assert!(Image::parse(&format!("nginx@{SHA}"))
            .unwrap()
            .warnings()
            .is_empty());
    }
}
