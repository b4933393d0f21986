//! Request bodies: the uploaded files. A `multipart/form-data` body holds
//! named parts (`input`, `lineup`, `baseline`); any other body is the
//! `input` file itself (`curl --data-binary @towns.csv`).

use axum::body::Bytes;
use axum::extract::{FromRequest, Multipart, Request};
use axum::http::{StatusCode, header};

use crate::error::ApiError;

/// The largest request body taken (64 MB); larger ones get 413.
pub const BODY_LIMIT: usize = 64 * 1024 * 1024;

/// The name an unnamed body goes by in messages.
pub const UNNAMED: &str = "upload";

/// One uploaded file.
#[derive(Clone, Debug)]
pub struct File {
    /// The form field (`input`, `lineup`, `baseline`).
    pub part: String,
    /// The file name the client gave (messages name it), else the part.
    pub name: String,
    /// The bytes.
    pub bytes: Bytes,
}

/// The files of a request.
#[derive(Clone, Debug, Default)]
pub struct Upload {
    /// In the order sent.
    pub files: Vec<File>,
}

impl Upload {
    /// The file sent as `part`, if any.
    pub fn get(&self, part: &str) -> Option<&File> {
        self.files.iter().find(|f| f.part == part)
    }

    /// The file sent as `part`, or an error naming what to send.
    pub fn require(&self, part: &str, what: &str) -> Result<&File, ApiError> {
        self.get(part).ok_or_else(|| {
            let sent: Vec<&str> = self.files.iter().map(|f| f.part.as_str()).collect();
            ApiError::request(format!(
                "the request lacks the `{part}` file ({what}); send multipart/form-data with a part named `{part}` (parts sent: {})",
                if sent.is_empty() { "none".to_string() } else { sent.join(", ") }
            ))
        })
    }
}

fn limit_error(status: StatusCode, text: String, limit: usize) -> ApiError {
    if status == StatusCode::PAYLOAD_TOO_LARGE {
        ApiError::too_large(limit)
    } else {
        ApiError::request(format!("cannot read the request body: {text}"))
    }
}

impl<S: Send + Sync> FromRequest<S> for Upload {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let limit = BODY_LIMIT;
        let multipart = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.to_ascii_lowercase().starts_with("multipart/form-data"));
        if !multipart {
            let bytes = Bytes::from_request(req, state)
                .await
                .map_err(|e| limit_error(e.status(), e.body_text(), limit))?;
            let files = if bytes.is_empty() {
                Vec::new()
            } else {
                vec![File {
                    part: "input".into(),
                    name: UNNAMED.into(),
                    bytes,
                }]
            };
            return Ok(Upload { files });
        }
        let mut form = Multipart::from_request(req, state)
            .await
            .map_err(|e| ApiError::request(e.body_text()))?;
        let mut files = Vec::new();
        loop {
            let field = match form.next_field().await {
                Ok(Some(field)) => field,
                Ok(None) => break,
                Err(e) => return Err(limit_error(e.status(), e.body_text(), limit)),
            };
            let part = field.name().unwrap_or_default().to_string();
            let name = field
                .file_name()
                .filter(|n| !n.is_empty())
                .map_or_else(|| part.clone(), str::to_string);
            let bytes = field
                .bytes()
                .await
                .map_err(|e| limit_error(e.status(), e.body_text(), limit))?;
            files.push(File { part, name, bytes });
        }
        Ok(Upload { files })
    }
}
