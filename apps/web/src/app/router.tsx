import { createBrowserRouter, Navigate } from 'react-router-dom';
import { CheckInPage } from '../features/attendance/components/CheckInPage';
import { RequireAdmin } from '../features/auth/components/RequireAdmin';
import { RequireAuth } from '../features/auth/components/RequireAuth';
import { SignInPage } from '../features/auth/components/SignInPage';
import { MeetingEditorPage } from '../features/meetings/components/MeetingEditorPage';
import { MeetingPage } from '../features/meetings/components/MeetingPage';
import { MeetingRoomPage } from '../features/meetings/components/MeetingRoomPage';
import { MeetingsPage } from '../features/meetings/components/MeetingsPage';
import { NewMeetingPage } from '../features/meetings/components/NewMeetingPage';
import { UsersPage } from '../features/users/components/UsersPage';
import { DisplayPage } from '../features/display/DisplayPage';
import { DocumentCommentsPage } from '../features/document-notes/components/DocumentCommentsPage';
import { AppLayout } from './layout/AppLayout';
import { NotFoundPage } from './layout/NotFoundPage';

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  // The hall's big screen: no app shell, no sign-in; its display token is in the URL.
  { path: '/display/:meetingId', element: <DisplayPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <Navigate to="/meetings" replace /> },
      { path: 'meetings', element: <MeetingsPage /> },
      { path: 'meetings/new', element: <NewMeetingPage /> },
      { path: 'meetings/:meetingId', element: <MeetingPage /> },
      { path: 'meetings/:meetingId/edit', element: <MeetingEditorPage /> },
      { path: 'meetings/:meetingId/room', element: <MeetingRoomPage /> },
      { path: 'check-in/:meetingId', element: <CheckInPage /> },
      // docs-notes: a document's comments (and the secretary's summary) and the reader's notes
      { path: 'meetings/:meetingId/documents/:documentId/comments', element: <DocumentCommentsPage /> },
      {
        path: 'users',
        element: (
          <RequireAdmin>
            <UsersPage />
          </RequireAdmin>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
