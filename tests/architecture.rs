//! The architecture rules of ARCHITECTURE.md, checked over the sources of
//! every crate under `crates/`:
//!
//! * no import cycle between the modules of a crate: no chain of `use
//!   crate::…` / `use super::…` (or inline `crate::…` paths) leads back to
//!   the module it started from;
//! * no source file longer than 600 lines before its test module;
//! * no string literal in a library crate names a command-line flag
//!   (`"--time-limit"`): the library returns typed suggestions, the CLI
//!   renders them.
//!
//! The parser is deliberately small (comments, strings, `use` trees with
//! braces); its own unit tests are at the bottom.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Longest allowed source file, in lines before its `#[cfg(test)] mod tests`.
const MAX_LINES: usize = 600;

/// One Rust crate of the workspace.
struct Crate {
    /// Directory holding the crate root (`src/`, or the crate dir itself).
    dir: PathBuf,
    /// Whether the crate is a library (has `lib.rs`).
    library: bool,
    /// Module path (`["solve", "block"]`) → source file.
    modules: BTreeMap<Vec<String>, PathBuf>,
}

fn crates() -> Vec<Crate> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("crates");
    let mut out = Vec::new();
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("crates/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    for d in dirs {
        let dir = if d.join("src").is_dir() { d.join("src") } else { d };
        let library = dir.join("lib.rs").is_file();
        if !library && !dir.join("main.rs").is_file() {
            continue;
        }
        let mut modules = BTreeMap::new();
        let mut files = Vec::new();
        rust_files(&dir, &mut files);
        for f in files {
            let rel = f.strip_prefix(&dir).expect("inside the crate");
            let mut path: Vec<String> = rel
                .iter()
                .map(|s| s.to_string_lossy().trim_end_matches(".rs").to_string())
                .collect();
            if matches!(path.last().map(String::as_str), Some("mod" | "lib" | "main")) {
                path.pop();
            }
            if path.first().is_some_and(|p| p == "bin") {
                continue; // separate binaries, each its own crate root
            }
            modules.insert(path, f);
        }
        out.push(Crate {
            dir,
            library,
            modules,
        });
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("readable directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// The source without its test module: everything before the first
/// `#[cfg(test)]` that is followed by a `mod` item.
fn before_tests(text: &str) -> &str {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if line.trim() == "#[cfg(test)]" {
            let rest = text[offset + line.len()..].trim_start();
            if rest.starts_with("mod ") {
                return &text[..offset];
            }
        }
        offset += line.len();
    }
    text
}

/// A source split into code (comments and literals blanked out) and its
/// string literals.
struct Lexed {
    code: String,
    strings: Vec<(usize, String)>,
}

fn lex(text: &str) -> Lexed {
    let b: Vec<char> = text.chars().collect();
    let mut code = String::with_capacity(text.len());
    let mut strings = Vec::new();
    let mut line = 1;
    let mut i = 0;
    let blank = |code: &mut String, c: char| code.push(if c == '\n' { '\n' } else { ' ' });
    while i < b.len() {
        let c = b[i];
        if c == '/' && b.get(i + 1) == Some(&'/') {
            while i < b.len() && b[i] != '\n' {
                i += 1;
                code.push(' ');
            }
            continue;
        }
        if c == '/' && b.get(i + 1) == Some(&'*') {
            let mut depth = 0;
            while i < b.len() {
                if b[i] == '/' && b.get(i + 1) == Some(&'*') {
                    depth += 1;
                    code.push_str("  ");
                    i += 2;
                } else if b[i] == '*' && b.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    code.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    if b[i] == '\n' {
                        line += 1;
                    }
                    blank(&mut code, b[i]);
                    i += 1;
                }
            }
            continue;
        }
        // Raw strings: r"…", r#"…"#, br"…".
        let raw_start = if c == 'r' && matches!(b.get(i + 1), Some('"' | '#')) {
            Some(i + 1)
        } else if c == 'b' && b.get(i + 1) == Some(&'r') && matches!(b.get(i + 2), Some('"' | '#')) {
            Some(i + 2)
        } else {
            None
        };
        let ident_before = i > 0 && (b[i - 1].is_alphanumeric() || b[i - 1] == '_');
        if let (Some(mut j), false) = (raw_start, ident_before) {
            let mut hashes = 0;
            while b.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if b.get(j) == Some(&'"') {
                let start_line = line;
                let mut s = String::new();
                let mut k = j + 1;
                while k < b.len() {
                    if b[k] == '"' && (0..hashes).all(|h| b.get(k + 1 + h) == Some(&'#')) {
                        break;
                    }
                    if b[k] == '\n' {
                        line += 1;
                    }
                    s.push(b[k]);
                    k += 1;
                }
                for &ch in &b[i..(k + 1 + hashes).min(b.len())] {
                    blank(&mut code, ch);
                }
                strings.push((start_line, s));
                i = k + 1 + hashes;
                continue;
            }
        }
        if c == '"' {
            let start_line = line;
            let mut s = String::new();
            let mut k = i + 1;
            while k < b.len() && b[k] != '"' {
                if b[k] == '\\' {
                    s.push(b[k]);
                    k += 1;
                }
                if k < b.len() {
                    if b[k] == '\n' {
                        line += 1;
                    }
                    s.push(b[k]);
                }
                k += 1;
            }
            for &ch in &b[i..(k + 1).min(b.len())] {
                blank(&mut code, ch);
            }
            strings.push((start_line, s));
            i = k + 1;
            continue;
        }
        // Character literals ('"', '\'') but not lifetimes ('a).
        if c == '\'' {
            let close = if b.get(i + 1) == Some(&'\\') {
                (i + 3..(i + 12).min(b.len())).find(|&k| b[k] == '\'')
            } else if b.get(i + 2) == Some(&'\'') {
                Some(i + 2)
            } else {
                None
            };
            if let Some(k) = close {
                for &ch in &b[i..=k] {
                    blank(&mut code, ch);
                }
                i = k + 1;
                continue;
            }
        }
        if c == '\n' {
            line += 1;
        }
        code.push(c);
        i += 1;
    }
    Lexed { code, strings }
}

/// Expands a `use` tree (`crate::{a::B, c::{D, E as F}}`) into its paths.
fn expand(tree: &str) -> Vec<Vec<String>> {
    fn segments(prefix: &[String], t: &str) -> Vec<String> {
        let mut p = prefix.to_vec();
        p.extend(
            t.split("::")
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from),
        );
        p
    }
    fn go(prefix: &[String], t: &str, out: &mut Vec<Vec<String>>) {
        let t = t.trim();
        if let Some(open) = t.find('{') {
            let p = segments(prefix, &t[..open]);
            let inner = &t[open + 1..t.rfind('}').unwrap_or(t.len())];
            let mut depth = 0;
            let mut start = 0;
            for (k, ch) in inner.char_indices() {
                match ch {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        go(&p, &inner[start..k], out);
                        start = k + 1;
                    }
                    _ => {}
                }
            }
            go(&p, &inner[start..], out);
        } else if !t.is_empty() {
            let t = t.split_whitespace().next().unwrap_or(t); // drop `as Name`
            out.push(segments(prefix, t));
        }
    }
    let tree = tree.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = Vec::new();
    go(&[], &tree, &mut out);
    out
}

/// Every path a module's code names: `use` trees, and inline `crate::…` and
/// `super::…` paths.
fn paths(code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let bytes = code.as_bytes();
    let is_ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let mut i = 0;
    while i < bytes.len() {
        let word_start = i == 0 || !is_ident(bytes[i - 1]);
        if word_start && code[i..].starts_with("use ") {
            if let Some(end) = code[i..].find(';') {
                out.extend(expand(&code[i + 4..i + end]));
                i += end + 1;
                continue;
            }
        }
        if word_start && (code[i..].starts_with("crate::") || code[i..].starts_with("super::")) {
            let mut k = i;
            while k < bytes.len() && (is_ident(bytes[k]) || code[k..].starts_with("::")) {
                k += if bytes[k] == b':' { 2 } else { 1 };
            }
            out.push(
                code[i..k]
                    .split("::")
                    .filter(|s| !s.is_empty())
                    .map(String::from)
                    .collect(),
            );
            i = k;
            continue;
        }
        i += 1;
    }
    out
}

impl Crate {
    fn code(&self, module: &[String]) -> String {
        let text = std::fs::read_to_string(&self.modules[module]).expect("readable source");
        lex(before_tests(&text)).code
    }

    /// Names re-exported at the crate root (`pub use solve::{Status, …}`) →
    /// the module that defines them.
    fn root_exports(&self) -> BTreeMap<String, Vec<String>> {
        let mut map = BTreeMap::new();
        let code = self.code(&[]);
        for p in paths(&code) {
            if let Some(name) = p.last() {
                let p: Vec<String> = p.iter().skip_while(|s| *s == "crate").cloned().collect();
                if let Some(m) = self.longest_module(&p) {
                    if !m.is_empty() {
                        map.insert(name.clone(), m);
                    }
                }
            }
        }
        map
    }

    fn longest_module(&self, p: &[String]) -> Option<Vec<String>> {
        (0..=p.len())
            .rev()
            .map(|k| p[..k].to_vec())
            .find(|m| self.modules.contains_key(m))
    }

    /// The module a path points into, seen from module `from`.
    fn resolve(
        &self,
        from: &[String],
        p: &[String],
        exports: &BTreeMap<String, Vec<String>>,
    ) -> Option<Vec<String>> {
        let first = p.first()?;
        let abs: Vec<String> = match first.as_str() {
            "crate" => p[1..].to_vec(),
            "super" => {
                let mut base = from.to_vec();
                let mut rest = p;
                while rest.first().is_some_and(|s| s == "super") {
                    base.pop();
                    rest = &rest[1..];
                }
                base.extend(rest.iter().cloned());
                base
            }
            "self" => {
                let mut base = from.to_vec();
                base.extend(p[1..].iter().cloned());
                base
            }
            _ => {
                // A child module named without `self::` (2018 paths).
                let mut child = from.to_vec();
                child.push(first.clone());
                if !self.modules.contains_key(&child) {
                    return None;
                }
                let mut base = from.to_vec();
                base.extend(p.iter().cloned());
                base
            }
        };
        let m = self.longest_module(&abs)?;
        if m.is_empty() {
            if let Some(name) = abs.first() {
                if let Some(real) = exports.get(name) {
                    return Some(real.clone());
                }
            }
        }
        Some(m)
    }

    /// Module → modules it uses (without itself).
    fn graph(&self) -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
        let exports = self.root_exports();
        let mut g = BTreeMap::new();
        for m in self.modules.keys() {
            let code = self.code(m);
            let to: BTreeSet<Vec<String>> = paths(&code)
                .iter()
                .filter_map(|p| self.resolve(m, p, &exports))
                .filter(|t| t != m)
                .collect();
            g.insert(m.clone(), to);
        }
        g
    }
}

fn name(m: &[String]) -> String {
    if m.is_empty() {
        "crate".into()
    } else {
        m.join("::")
    }
}

/// One cycle of the graph, if there is any (depth-first search).
fn find_cycle(g: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>) -> Option<Vec<Vec<String>>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Active,
        Done,
    }
    fn dfs(
        v: &Vec<String>,
        g: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        mark: &mut BTreeMap<Vec<String>, Mark>,
        stack: &mut Vec<Vec<String>>,
    ) -> Option<Vec<Vec<String>>> {
        mark.insert(v.clone(), Mark::Active);
        stack.push(v.clone());
        for w in g.get(v).into_iter().flatten() {
            match mark.get(w).copied().unwrap_or(Mark::New) {
                Mark::Active => {
                    let at = stack.iter().position(|s| s == w).unwrap_or(0);
                    let mut cycle = stack[at..].to_vec();
                    cycle.push(w.clone());
                    return Some(cycle);
                }
                Mark::New => {
                    if let Some(c) = dfs(w, g, mark, stack) {
                        return Some(c);
                    }
                }
                Mark::Done => {}
            }
        }
        stack.pop();
        mark.insert(v.clone(), Mark::Done);
        None
    }
    let mut mark = BTreeMap::new();
    for v in g.keys() {
        if mark.get(v).copied().unwrap_or(Mark::New) == Mark::New {
            if let Some(c) = dfs(v, g, &mut mark, &mut Vec::new()) {
                return Some(c);
            }
        }
    }
    None
}

/// Whether a string literal names a command-line flag: `--` followed by a
/// letter, at the start or after a non-word character.
fn names_flag(s: &str) -> bool {
    let b = s.as_bytes();
    (0..b.len().saturating_sub(2)).any(|i| {
        b[i] == b'-'
            && b[i + 1] == b'-'
            && b[i + 2].is_ascii_lowercase()
            && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'-'))
    })
}

#[test]
fn no_import_cycle_between_modules() {
    for c in crates() {
        let g = c.graph();
        assert!(
            g.len() > 1 || c.modules.len() <= 1,
            "{}: no modules found",
            c.dir.display()
        );
        if let Some(cycle) = find_cycle(&g) {
            let chain: Vec<String> = cycle.iter().map(|m| name(m)).collect();
            panic!("{}: import cycle {}", c.dir.display(), chain.join(" -> "));
        }
    }
}

#[test]
fn no_source_file_is_longer_than_600_lines_before_its_tests() {
    let mut long = Vec::new();
    for c in crates() {
        for f in c.modules.values() {
            let text = std::fs::read_to_string(f).expect("readable source");
            let lines = before_tests(&text).lines().count();
            if lines > MAX_LINES {
                long.push(format!("{} ({lines} lines)", f.display()));
            }
        }
    }
    assert!(
        long.is_empty(),
        "longer than {MAX_LINES} lines: {}",
        long.join(", ")
    );
}

#[test]
fn no_string_literal_in_a_library_names_a_command_line_flag() {
    let mut found = Vec::new();
    let mut checked = 0;
    for c in crates().into_iter().filter(|c| c.library) {
        for f in c.modules.values() {
            let text = std::fs::read_to_string(f).expect("readable source");
            for (line, s) in lex(&text).strings {
                checked += 1;
                if names_flag(&s) {
                    found.push(format!("{}:{line}: {s:?}", f.display()));
                }
            }
        }
    }
    assert!(
        checked > 500,
        "only {checked} string literals found: is the lexer broken?"
    );
    assert!(
        found.is_empty(),
        "string literals naming CLI flags:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_checker_sees_what_it_should() {
    let l = lex(
        "let a = \"--flag\"; // \"--not\"\n/* \"--no\" */ let b = r#\"x \"--raw\"\"#; let c = '\"'; fn f<'a>() {}",
    );
    let s: Vec<&str> = l.strings.iter().map(|s| s.1.as_str()).collect();
    assert_eq!(s, ["--flag", "x \"--raw\""]);
    assert!(names_flag("try --max-per-land 2") && names_flag("--x"));
    assert!(!names_flag("a--b") && !names_flag("---") && !names_flag("--") && !names_flag("-- x"));
    assert_eq!(
        expand("crate::{a::B, c::{D, e::F as G}}"),
        vec![
            vec!["crate", "a", "B"],
            vec!["crate", "c", "D"],
            vec!["crate", "c", "e", "F"]
        ]
    );
    let p = paths(&lex("use super::x::Y;\nfn f() { crate::m::g(); let s = \"crate::no\"; }").code);
    assert_eq!(p, vec![vec!["super", "x", "Y"], vec!["crate", "m", "g"]]);
    assert_eq!(before_tests("a\n#[cfg(test)]\nmod tests {\n}\n"), "a\n");
    let mut g = BTreeMap::new();
    let m = |s: &str| vec![s.to_string()];
    g.insert(m("a"), BTreeSet::from([m("b")]));
    g.insert(m("b"), BTreeSet::from([m("c")]));
    g.insert(m("c"), BTreeSet::new());
    assert_eq!(find_cycle(&g), None);
    g.insert(m("c"), BTreeSet::from([m("a")]));
    assert_eq!(find_cycle(&g), Some(vec![m("a"), m("b"), m("c"), m("a")]));
}
