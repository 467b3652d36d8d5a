import { Module } from '@nestjs/common';
import { RecordingModule } from '../commands/recording.module';
import { ImportService } from './import.service';

/** The import itself, for the CLI (`cli import`) and the API: rows sent as the API's commands. */
@Module({
  imports: [RecordingModule],
  providers: [ImportService],
  exports: [ImportService],
})
export class ImportServiceModule {}
