//! The API described as OpenAPI 3.1 (`GET /api/openapi.json`, and the copy
//! in `docs/openapi.json`). Paths, bodies and answers are written here; the
//! query parameters of each endpoint are read from its clap definitions (the
//! CLI's flags), so that their names, defaults, allowed values and help
//! texts cannot drift from what the server parses. Tests keep the spec, the
//! router and the committed copy in step.

use std::sync::OnceLock;

use axum::Json;
use clap::{Arg, ArgAction, Command, CommandFactory};
use serde_json::{Map, Value, json};

use crate::api::{EvaluateQuery, ExplainQuery, ExportQuery, ReadQuery};
use crate::run::{AlternativesQuery, SolveQuery, WhatifQuery};

/// `GET /api/openapi.json`.
pub async fn spec_json() -> Json<Value> {
    Json(spec().clone())
}

/// The spec, built once.
pub fn spec() -> &'static Value {
    static SPEC: OnceLock<Value> = OnceLock::new();
    SPEC.get_or_init(build)
}

/// A query parameter from a flag: name, help, default, allowed values, and
/// whether it repeats.
fn parameter(arg: &Arg) -> Value {
    let name = arg
        .get_long()
        .map_or_else(|| arg.get_id().to_string(), str::to_string);
    let help = arg
        .get_long_help()
        .or_else(|| arg.get_help())
        .map(|h| h.to_string())
        .unwrap_or_default();
    let takes = arg.get_action().takes_values();
    let mut schema = Map::new();
    if !takes {
        schema.insert("type".into(), json!("boolean"));
    } else {
        schema.insert("type".into(), json!("string"));
        let values: Vec<String> = arg
            .get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_string())
            .collect();
        if !values.is_empty() {
            schema.insert("enum".into(), json!(values));
        }
        if let Some(d) = arg.get_default_values().first() {
            schema.insert("default".into(), json!(d.to_string_lossy()));
        }
    }
    let repeats = matches!(arg.get_action(), ArgAction::Append);
    let schema = if repeats {
        json!({ "type": "array", "items": Value::Object(schema) })
    } else {
        Value::Object(schema)
    };
    let mut p = json!({ "name": name, "in": "query", "description": help, "schema": schema });
    if repeats {
        p["explode"] = json!(true);
    }
    if arg.is_required_set() {
        p["required"] = json!(true);
    }
    p
}

/// The query parameters of an endpoint: its flags, then `lang`.
fn parameters(command: Command) -> Value {
    let mut list: Vec<Value> = command
        .get_arguments()
        .filter(|a| !a.is_hide_set() && a.get_long().is_some())
        .map(parameter)
        .collect();
    list.push(json!({ "$ref": "#/components/parameters/lang" }));
    Value::Array(list)
}

fn error_answers() -> Value {
    let e = |d: &str| json!({ "description": d, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } });
    json!({
        "400": e("a query parameter (the CLI's text) or the request body is not valid"),
        "403": e("a foreign Host or Origin"),
        "413": e("the body is over 64 MB"),
        "422": e("a file with errors (every bad row), a request no lineup can meet, or a lineup that breaks rules"),
    })
}

fn files(parts: &[(&str, &str)]) -> Value {
    let mut properties = Map::new();
    for (name, what) in parts {
        properties.insert(
            (*name).into(),
            json!({ "type": "string", "format": "binary", "description": what }),
        );
    }
    json!({
        "required": true,
        "description": "The files: multipart/form-data with these parts, or (for the input alone) the file itself as the body.",
        "content": {
            "multipart/form-data": { "schema": { "type": "object", "properties": properties, "required": ["input"] } },
            "application/octet-stream": { "schema": { "type": "string", "format": "binary" } }
        }
    })
}

const INPUT: (&str, &str) = (
    "input",
    "the municipalities: CSV (also German), .xlsx or JSON, as the CLI reads them",
);
const LINEUP: (&str, &str) = (
    "lineup",
    "a lineup: the JSON report, or CSV/.xlsx with id and cluster columns",
);
const BASELINE: (&str, &str) = (
    "baseline",
    "the lineup so far (what-if): as `lineup whatif --baseline`",
);

fn operation(
    summary: &str,
    description: &str,
    query: Option<Command>,
    body: Option<Value>,
    ok: Value,
) -> Value {
    let mut op = json!({ "summary": summary, "description": description, "responses": error_answers() });
    op["responses"]["200"] = ok;
    op["parameters"] = query.map_or_else(|| json!([{ "$ref": "#/components/parameters/lang" }]), parameters);
    if let Some(b) = body {
        op["requestBody"] = b;
    }
    op
}

fn json_ok(description: &str) -> Value {
    json!({ "description": description, "content": { "application/json": { "schema": { "type": "object" } } } })
}

fn job(summary: &str, description: &str, query: Command, body: Value) -> Value {
    let mut op = operation(
        summary,
        description,
        Some(query),
        Some(body),
        json!({
            "description": "the JSON report (as the CLI's --format json); with `Accept: text/event-stream` a stream of events `accepted` ({id}), `started`, `progress` (stage, best score, bound, elapsed), then `result` (the report) or `error`",
            "content": {
                "application/json": { "schema": { "type": "object" } },
                "text/event-stream": { "schema": { "type": "string" } }
            }
        }),
    );
    op["responses"]["409"] = json!({ "description": "cancelled before a lineup was found", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } });
    op["responses"]["429"] = json!({
        "description": "all solve slots and the queue are taken",
        "headers": { "Retry-After": { "schema": { "type": "integer" }, "description": "seconds" } },
        "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } }
    });
    op
}

fn get_op(summary: &str, description: &str, params: Value, ok: Value) -> Value {
    json!({ "summary": summary, "description": description, "parameters": params, "responses": { "200": ok } })
}

/// `post /api/solve` → `postApiSolve`.
fn operation_id(method: &str, path: &str) -> String {
    let mut id = method.to_string();
    for word in path
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            id.push(first.to_ascii_uppercase());
            id.extend(chars);
        }
    }
    if path == "/" {
        id.push_str("Page");
    }
    id
}

fn build() -> Value {
    let register_params = json!([
        { "name": "q", "in": "query", "required": true, "description": "a name (or its beginning) or an AGS key", "schema": { "type": "string" } },
        { "name": "limit", "in": "query", "description": "how many results, 1 to 200", "schema": { "type": "integer", "minimum": 1, "maximum": 200, "default": 20 } }
    ]);
    let paths = json!({
        "/": { "get": get_op("The workbench page", "The page (HTML); its scripts and styles are under /assets/.", json!([]), json!({ "description": "HTML", "content": { "text/html": {} } })) },
        "/favicon.ico": { "get": get_op("The icon", "The page's icon (SVG).", json!([]), json!({ "description": "SVG", "content": { "image/svg+xml": {} } })) },
        "/assets/{path}": { "get": get_op("A file of the page", "Scripts, styles and the icon, embedded in the binary.",
            json!([{ "name": "path", "in": "path", "required": true, "schema": { "type": "string" }, "description": "e.g. js/app.js" }]),
            json!({ "description": "the file" })) },
        "/api/read": { "post": operation("Read a file", "The municipalities of a file, each with its size class and how it was matched.",
            Some(ReadQuery::command()), Some(files(&[INPUT])), json_ok("the rows with their classes")) },
        "/api/solve": { "post": job("Solve", "As `lineup solve --format json`.", SolveQuery::command(), files(&[INPUT])) },
        "/api/evaluate": { "post": operation("Score a lineup", "A lineup edited by hand, verified: score, every broken rule, and (for a valid lineup) the report and the explanation of `municipality`.",
            Some(EvaluateQuery::command()), Some(files(&[INPUT, LINEUP])), json_ok("{valid, objective, breaches, report, explanation}")) },
        "/api/explain": { "post": operation("Explain a lineup", "As `lineup explain --format json`: why each member is where it is and what blocks a move.",
            Some(ExplainQuery::command()), Some(files(&[INPUT, LINEUP])), json_ok("the explanation")) },
        "/api/whatif": { "post": job("What-if", "As `lineup whatif --format json`: the current list (`input`) placed with as few moves from the `baseline` as possible.", WhatifQuery::command(), files(&[INPUT, BASELINE])) },
        "/api/alternatives": { "post": job("Alternatives", "As `lineup alternatives --format json`: k different good lineups.", AlternativesQuery::command(), files(&[INPUT])) },
        "/api/export": { "post": operation("Export", "A verified lineup as a file to download: xlsx, csv, json, geojson, svg or png. Workbook and map texts in the request's language; CSV, JSON and GeoJSON keep their English keys.",
            Some(ExportQuery::command()), Some(files(&[INPUT, LINEUP])), json!({ "description": "the file (Content-Disposition: attachment)" })) },
        "/api/jobs/{id}": { "delete": {
            "summary": "Cancel a job", "description": "Stops a running solve, what-if or alternatives: its stream answers with the best verified lineup so far (status interrupted).",
            "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "integer" }, "description": "from the `accepted` event" }],
            "responses": { "204": { "description": "told to stop" }, "404": { "description": "no such running job", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } } }
        } },
        "/api/register": { "get": get_op("Search the register", "Municipalities of the register of German municipalities (Destatis) by name or AGS.", register_params, json_ok("{results: [...]}")) },
        "/api/messages": { "get": get_op("The message catalogue", "Every text of the page, in English or German.", json!([{ "$ref": "#/components/parameters/lang" }]), json_ok("{lang, messages: {key: text}}")) },
        "/api/outlines": { "get": get_op("Länder outlines", "The outlines of the Länder for the map (BKG, see attribution).", json!([]), json_ok("{rings, attribution}")) },
        "/api/preload": { "get": {
            "summary": "The file given on the command line", "description": "`lineup serve FILE`: the file, for the page to load at start (its name in X-Lineup-Filename).",
            "responses": { "200": { "description": "the file's bytes" }, "204": { "description": "no file was given" } }
        } },
        "/api/health": { "get": get_op("Health", "Whether the server answers, and its load.", json!([]), json_ok("{ok, version, jobs, waiting, max_solves, max_time_limit_s, body_limit_bytes}")) },
        "/api/openapi.json": { "get": get_op("This description", "The API as OpenAPI 3.1.", json!([]), json_ok("OpenAPI 3.1")) },
    });
    let mut paths = paths;
    // Every path holds an object of operations (the literal above).
    for (path, ops) in paths.as_object_mut().into_iter().flatten() {
        for (method, op) in ops.as_object_mut().into_iter().flatten() {
            op["operationId"] = json!(operation_id(method, path));
        }
    }
    json!({
        "openapi": "3.1.0",
        // No authentication: the server answers its own machine only (loopback, Host and Origin checked).
        "security": [],
        "info": {
            "title": "lineup workbench API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "The local HTTP API of `lineup serve`. Query parameters are the command line's flags without dashes (cluster-size=6..7, classes=kfa, time-limit=5, must-link=A,B repeated), parsed by the same definitions. The server binds to loopback, refuses foreign Host and Origin headers (403), bodies over 64 MB (413) and more solves than it runs at once (429).",
            "license": { "name": "MIT OR Apache-2.0", "identifier": "MIT OR Apache-2.0" }
        },
        "servers": [{ "url": "http://127.0.0.1:8080" }],
        "paths": paths,
        "components": {
            "parameters": {
                "lang": { "name": "lang", "in": "query", "description": "language of error texts, workbooks and maps: de or en (else from Accept-Language)", "schema": { "type": "string", "enum": ["en", "de"] } }
            },
            "schemas": {
                "Error": {
                    "type": "object",
                    "required": ["error", "kind", "lang"],
                    "properties": {
                        "error": { "type": "string", "description": "what went wrong and what to do (the CLI's text)" },
                        "kind": { "type": "string", "enum": ["usage", "request", "input", "infeasible", "rules", "busy", "too_large", "forbidden", "not_found", "cancelled", "internal"] },
                        "lang": { "type": "string", "enum": ["en", "de"], "description": "the language `error` is written in" },
                        "violations": { "type": "array", "items": { "type": "object" }, "description": "the broken rules, for kind rules" }
                    }
                }
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The routes of the router, as `lib.rs` declares them: (method, path).
    fn routes() -> Vec<(String, String)> {
        let src = include_str!("lib.rs");
        let mut out = Vec::new();
        for line in src.lines() {
            let Some(rest) = line.trim().strip_prefix(".route(\"") else {
                continue;
            };
            let (path, rest) = rest.split_once('"').unwrap();
            // `{*path}` in axum is `{path}` in OpenAPI.
            let path = path.replace("{*", "{");
            for method in ["get", "post", "delete", "put", "patch"] {
                if rest.contains(&format!("{method}(")) {
                    out.push((method.to_string(), path.clone()));
                }
            }
        }
        out.sort();
        out
    }

    #[test]
    fn every_route_is_described_and_every_description_routed() {
        let routes = routes();
        assert!(routes.len() >= 17, "{routes:?}");
        let mut described: Vec<(String, String)> = spec()["paths"]
            .as_object()
            .unwrap()
            .iter()
            .flat_map(|(path, ops)| {
                ops.as_object()
                    .unwrap()
                    .keys()
                    .map(move |m| (m.clone(), path.clone()))
            })
            .collect();
        described.sort();
        assert_eq!(routes, described);
    }

    #[test]
    fn every_flag_an_endpoint_parses_is_a_parameter() {
        for (path, command) in [
            ("/api/solve", SolveQuery::command()),
            ("/api/export", ExportQuery::command()),
            ("/api/whatif", WhatifQuery::command()),
        ] {
            let op = spec()["paths"][path]["post"].clone();
            let names: Vec<&str> = op["parameters"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|p| p["name"].as_str())
                .collect();
            for a in command.get_arguments().filter(|a| !a.is_hide_set()) {
                if let Some(long) = a.get_long() {
                    assert!(names.contains(&long), "{path} lacks {long}");
                }
            }
        }
        let solve = &spec()["paths"]["/api/solve"]["post"]["parameters"];
        let size = solve
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == "cluster-size")
            .unwrap();
        assert_eq!(size["schema"]["default"], "6..7");
    }

    /// The committed copy (docs/openapi.json) is this spec; to update it, run
    /// `LINEUP_WRITE_OPENAPI=1 cargo test -p lineup-server openapi`.
    #[test]
    fn the_committed_copy_is_current() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/openapi.json");
        let mut text = serde_json::to_string_pretty(spec()).unwrap();
        text.push('\n');
        if std::env::var_os("LINEUP_WRITE_OPENAPI").is_some() {
            std::fs::write(path, &text).unwrap();
        }
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            committed == text,
            "docs/openapi.json is not the server's spec: run LINEUP_WRITE_OPENAPI=1 cargo test -p lineup-server openapi"
        );
    }
}
