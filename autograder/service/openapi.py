"""The OpenAPI 3.1 description of the grading service's REST API, served at ``/api/openapi.json``."""

from __future__ import annotations

from typing import Any


def _json(description: str, schema: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"description": description,
            "content": {"application/json": {"schema": schema or {"type": "object"}}}}


_ERROR = _json("error", {"$ref": "#/components/schemas/Error"})
_ID = [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}]

SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Course hub grading service", "version": "1"},
    "components": {
        "securitySchemes": {"token": {"type": "apiKey", "in": "header", "name": "Authorization",
                                      "description": "'token <JupyterHub API token>' (or a service token)"}},
        "schemas": {
            "Error": {"type": "object", "properties": {"error": {"type": "string"}, "status": {"type": "integer"}}},
            "Test": {"type": "object", "properties": {
                "name": {"type": "string"}, "task": {"type": "string"}, "score": {"type": "number"},
                "max_score": {"type": "number"}, "passed": {"type": "boolean"}, "message": {"type": "string"}}},
            "Manual": {"type": "object", "properties": {
                "task": {"type": "string"}, "max_score": {"type": "number"}, "answer": {"type": "string"},
                "status": {"enum": ["pending", "graded"]}, "points": {"type": ["number", "null"]},
                "comment": {"type": "string"}}},
            "Submission": {"type": "object", "properties": {
                "id": {"type": "integer"}, "student": {"type": "string"}, "assignment": {"type": "string"},
                "submitted_at": {"type": "string", "format": "date-time"},
                "status": {"enum": ["queued", "running", "graded", "error"]},
                "score": {"type": ["number", "null"]}, "max_score": {"type": ["number", "null"]},
                "manual_score": {"type": "number", "description": "points given by hand so far"},
                "pending_points": {"type": "number", "description": "points awaiting manual grading"},
                "late_factor": {"type": "number"},
                "final_score": {"type": ["number", "null"], "description": "(score + manual_score) * late_factor"},
                "message": {"type": "string"},
                "tests": {"type": "array", "items": {"$ref": "#/components/schemas/Test"}},
                "manual": {"type": "array", "items": {"$ref": "#/components/schemas/Manual"}}}},
        },
    },
    "security": [{"token": []}],
    "paths": {
        "/api/submissions": {
            "post": {"summary": "Submit a notebook (graded as it arrives)",
                     "requestBody": {"content": {"multipart/form-data": {"schema": {
                         "type": "object", "required": ["assignment", "notebook"],
                         "properties": {"assignment": {"type": "string"},
                                        "notebook": {"type": "string", "format": "binary"},
                                        "student": {"type": "string", "description": "instructors only"}}}}}},
                     "responses": {"202": _json("recorded and queued", {"type": "object", "properties": {
                         "id": {"type": "integer"}, "status": {"const": "queued"}}}),
                         "400": _ERROR, "404": _ERROR, "413": _ERROR, "429": _ERROR}},
            "get": {"summary": "Own submissions; instructors: all, filtered by assignment and student",
                    "parameters": [{"name": "assignment", "in": "query", "schema": {"type": "string"}},
                                   {"name": "student", "in": "query", "schema": {"type": "string"}}],
                    "responses": {"200": _json("submissions", {"type": "object", "properties": {"submissions": {
                        "type": "array", "items": {"$ref": "#/components/schemas/Submission"}}}})}},
        },
        "/api/submissions/{id}": {"get": {
            "summary": "One submission: status, score, feedback", "parameters": _ID,
            "responses": {"200": _json("the submission", {"$ref": "#/components/schemas/Submission"}),
                          "403": _ERROR, "404": _ERROR}}},
        "/api/submissions/{id}/regrade": {"post": {
            "summary": "Grade a submission again (instructors)", "parameters": _ID,
            "responses": {"202": _json("queued"), "403": _ERROR, "404": _ERROR}}},
        "/api/submissions/{id}/manual/{task}": {"put": {
            "summary": "Set or change the grade of a manual task (instructors); regrades keep it",
            "parameters": [*_ID, {"name": "task", "in": "path", "required": True, "schema": {"type": "string"}}],
            "requestBody": {"content": {"application/json": {"schema": {
                "type": "object", "required": ["points"],
                "properties": {"points": {"type": "number", "minimum": 0}, "comment": {"type": "string"}}}}}},
            "responses": {"200": _json("the grade"), "400": _ERROR, "403": _ERROR, "404": _ERROR}}},
        "/api/assignments": {"get": {"summary": "The assignments with points and deadlines",
                                     "responses": {"200": _json("assignments")}}},
        "/api/assignments/{id}/regrade": {"post": {
            "summary": "Grade every submission of an assignment again (instructors)", "parameters": _ID,
            "responses": {"202": _json("queued"), "403": _ERROR, "404": _ERROR}}},
        "/api/assignments/{id}/statistics": {"get": {
            "summary": "Score histogram and pass rate per test (instructors)", "parameters": _ID,
            "responses": {"200": _json("statistics"), "403": _ERROR}}},
        "/api/gradebook": {"get": {"summary": "One row per student, one column per assignment (instructors)",
                                   "responses": {"200": _json("gradebook"), "403": _ERROR}}},
        "/api/gradebook.csv": {"get": {"summary": "The gradebook as CSV for an LMS (instructors)",
                                       "responses": {"200": {"description": "CSV",
                                                             "content": {"text/csv": {}}}, "403": _ERROR}}},
        "/api/exchange/assignments": {"get": {
            "summary": "Released assignments with the caller's submissions (nbgrader list)",
            "responses": {"200": _json("released assignments")}}},
        "/api/exchange/assignments/{id}/release": {"post": {
            "summary": "Release an assignment's student folder (instructors)", "parameters": _ID,
            "responses": {"200": _json("released"), "403": _ERROR, "404": _ERROR}}},
        "/api/exchange/assignments/{id}/files": {"get": {
            "summary": "The released files, base64 (nbgrader fetch)", "parameters": _ID,
            "responses": {"200": _json("files"), "404": _ERROR}}},
        "/api/exchange/assignments/{id}/collect": {"get": {
            "summary": "Each student's latest submission with its notebook (instructors; nbgrader collect)",
            "parameters": _ID, "responses": {"200": _json("submissions"), "403": _ERROR}}},
        "/api/exchange/assignments/{id}/feedback": {"get": {
            "summary": "The caller's graded submissions as HTML reports (nbgrader fetch_feedback)",
            "parameters": _ID, "responses": {"200": _json("feedback")}}},
        "/api/health": {"get": {"summary": "Liveness", "security": [], "responses": {"200": _json("ok")}}},
    },
}
