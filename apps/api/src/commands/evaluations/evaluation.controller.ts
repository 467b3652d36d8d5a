import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandController, CommandMetadata, IdParam, Metadata, Records } from '../shared';
import { CommandRecorded, plain } from '@ledger/application';
import {
  ConcludeEvaluationRoundCommand,
  OpenEvaluationRoundCommand,
  ScoreEvaluationParametersCommand,
} from '@ledger/application';
import {
  ConcludeEvaluationRoundDto,
  OpenEvaluationRoundDto,
  ScoreEvaluationParametersDto,
} from '@ledger/application';
import { Roles, WRITERS } from '../../auth/access.decorators';

const NO_ROUND = 'No such evaluation round.';

/** Rounds of the PLUSS evaluation of the alliance's health. */
@ApiTags('evaluation rounds')
@Roles(...WRITERS)
@CommandController()
@Controller('evaluation-rounds')
export class EvaluationController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Records({
    summary: 'An evaluation round is opened',
    body: OpenEvaluationRoundDto,
    example: {
      roundId: 'pluss-2018',
      name: 'The state of the alliance 2018',
      evaluator: 'Pluss Leadership',
      bodies: ['board', 'advisory-board'],
      occurredAt: '2018-05-01',
    },
    rules: ['evaluation-round-opened-once'],
  })
  open(
    @Body() body: OpenEvaluationRoundDto,
    @Metadata() metadata: CommandMetadata,
  ): Promise<CommandRecorded> {
    const roundId = body.roundId ?? metadata.newId('evaluation-round');
    return this.commands.execute(
      new OpenEvaluationRoundCommand(
        { type: 'OpenEvaluationRound', ...plain(body), roundId },
        metadata,
      ),
    );
  }

  @Post(':roundId/scores')
  @Records({
    summary: "A body's scores are recorded (present state and wished priority, 1-5)",
    body: ScoreEvaluationParametersDto,
    example: {
      scores: [
        { body: 'board', parameter: 'common-understanding', presentState: 4, wishedPriority: 3 },
        { body: 'board', parameter: 'ambassadorship', presentState: 3, wishedPriority: 4 },
      ],
      occurredAt: '2018-11-30',
    },
    notFound: NO_ROUND,
    rules: [
      'body-in-round',
      'parameter-in-round',
      'score-once-per-body-and-parameter',
      'concluded-round-is-closed',
    ],
  })
  score(
    @Param('roundId', IdParam) roundId: string,
    @Body() body: ScoreEvaluationParametersDto,
    @Metadata() metadata: CommandMetadata,
  ): Promise<CommandRecorded> {
    return this.commands.execute(
      new ScoreEvaluationParametersCommand(
        { type: 'ScoreEvaluationParameters', ...plain(body), roundId },
        metadata,
      ),
    );
  }

  @Post(':roundId/conclude')
  @Records({
    summary: 'An evaluation round is concluded',
    body: ConcludeEvaluationRoundDto,
    example: {
      summary: 'Between phase 1 and 2; re-run the model every 1-2 years',
      occurredAt: '2018-12-15',
    },
    notFound: NO_ROUND,
    rules: ['concluded-round-is-closed'],
  })
  conclude(
    @Param('roundId', IdParam) roundId: string,
    @Body() body: ConcludeEvaluationRoundDto,
    @Metadata() metadata: CommandMetadata,
  ): Promise<CommandRecorded> {
    return this.commands.execute(
      new ConcludeEvaluationRoundCommand(
        { type: 'ConcludeEvaluationRound', ...plain(body), roundId },
        metadata,
      ),
    );
  }
}
